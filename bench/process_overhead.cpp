// SPDX-License-Identifier: MIT
// The blocking path as a user's job sees it: a whole process (start-up, sign-in with a fixed
// token, N PUTs on T threads, shutdown) against the floor, a minimal libcurl program that sends
// the same PUTs with only `Authorization`, `Content-Type` and `Accept`, one easy handle per
// thread. The runner starts each as a child process of its own (this binary again, in another
// mode), alternating floor and msgraph, and takes the child's wall time and its CPU time (user +
// system, from wait4) per round. The server is started by scripts/bench (nginx answering 204).
//
// Usage: process_overhead URL_ROOT PUTS THREADS ROUNDS
//        process_overhead --child floor|floor-same-headers|msgraph URL_ROOT PUTS THREADS
//
// The runner also times a third child between the two, the floor with the headers msgraph adds,
// so the report tells what those headers cost libcurl apart from what the library costs.
#include <curl/curl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "msgraph/msgraph.hpp"

namespace {

const char* kPartner = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";
const char* kBody = R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})";
const char* kToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bench-token.signature";

size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

// `sameHeaders`: also the headers msgraph adds (a fixed client-request-id, User-Agent,
// SdkVersion; no empty Expect, which msgraph sends only for bodies over 1 KiB), to tell what the
// headers cost libcurl from what the library costs.
void floorThread(const std::string& url, int puts, bool sameHeaders) {
  CURL* curl = curl_easy_init();
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Accept: application/json");
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(
      headers, (std::string("Authorization: Bearer ") + kToken).c_str());  // once per thread
  if (sameHeaders) {
    for (const char* extra : {"client-request-id: 6f1c1d8e-2f0a-4b8e-9a4c-0d2f7c1e9b3a",
                              "User-Agent: msgraph-cpp/0.1.0", "SdkVersion: graph-cpp/0.1.0"}) {
      headers = curl_slist_append(headers, extra);
    }
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, kBody);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  for (int i = 0; i < puts; ++i) {
    long status = 0;
    if (curl_easy_perform(curl) != CURLE_OK) std::abort();
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (status != 204) std::abort();
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
}

void msgraphThread(const msgraph::GraphClient& client, int puts) {
  auto sync =
      client.policies().crossTenantAccessPolicy().partners(kPartner).identitySynchronization();
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  for (int i = 0; i < puts; ++i) {
    if (sync.put(policy).execute().status != 204) std::abort();
  }
}

template <typename Work>
void onThreads(int threads, int puts, Work work) {
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) {
    running.emplace_back(work, puts / threads + (t < puts % threads ? 1 : 0));
  }
  for (auto& thread : running) thread.join();
}

int child(const std::string& mode, const std::string& root, int puts, int threads) {
  if (mode == "floor" || mode == "floor-same-headers") {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const std::string url = root + "/v1.0/policies/crossTenantAccessPolicy/partners/" + kPartner +
                            "/identitySynchronization";
    const bool sameHeaders = mode == "floor-same-headers";
    onThreads(threads, puts, [&](int n) { floorThread(url, n, sameHeaders); });
    curl_global_cleanup();
    return 0;
  }
  msgraph::GraphClient client{msgraph::ClientOptions{}.baseUrl(root).credential(
      std::make_shared<msgraph::StaticTokenCredential>(kToken))};
  onThreads(threads, puts, [&](int n) { msgraphThread(client, n); });
  return 0;
}

struct Run {
  double wall;
  double cpu;
};

Run runChild(const char* self, const char* mode, char** rest) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(self),
                            const_cast<char*>("--child"),
                            const_cast<char*>(mode),
                            rest[0],
                            rest[1],
                            rest[2],
                            nullptr};
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "the %s child failed\n", mode);
    std::exit(1);
  }
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  auto seconds = [](const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
  };
  return {wall.count(), seconds(usage.ru_utime) + seconds(usage.ru_stime)};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::strcmp(argv[1], "--child") == 0) {
    return child(argv[2], argv[3], std::atoi(argv[4]), std::atoi(argv[5]));
  }
  if (argc != 5) {
    std::fprintf(stderr, "usage: process_overhead URL_ROOT PUTS THREADS ROUNDS\n");
    return 2;
  }
  const int puts = std::atoi(argv[2]);
  const int rounds = std::atoi(argv[4]);
  char* rest[] = {argv[1], argv[2], argv[3]};
  const char* modes[] = {"floor", "floor-same-headers", "msgraph"};
  for (const char* mode : modes) runChild(argv[0], mode, rest);  // warm up: caches, connections
  // Per round, in the same order: each child's wall and CPU time.
  std::vector<Run> runs[3];
  for (int r = 0; r < rounds; ++r) {
    for (int m = 0; m < 3; ++m) runs[m].push_back(runChild(argv[0], modes[m], rest));
  }
  std::printf("%s, %d PUTs on %s thread(s), %d rounds\n", argv[1], puts, argv[3], rounds);
  auto medianOf = [&](int m, double Run::*field) {
    std::vector<double> values;
    for (const Run& run : runs[m]) values.push_back(run.*field);
    return median(values);
  };
  for (int m = 0; m < 3; ++m) {
    std::printf("  %-18s wall %.3f s, CPU %.3f s (medians)\n", modes[m], medianOf(m, &Run::wall),
                medianOf(m, &Run::cpu));
  }
  // Ratios per round (the children of one round ran back to back), then their median and range.
  auto ratios = [&](int m, int base, double Run::*field) {
    std::vector<double> values;
    for (int r = 0; r < rounds; ++r) values.push_back(runs[m][r].*field / runs[base][r].*field);
    std::sort(values.begin(), values.end());
    std::printf("%.3f (%.3f-%.3f)", values[values.size() / 2], values.front(), values.back());
  };
  for (int base : {0, 1}) {
    std::printf("  msgraph / %-18s wall ", modes[base]);
    ratios(2, base, &Run::wall);
    std::printf(", CPU ");
    ratios(2, base, &Run::cpu);
    std::printf("\n");
  }
  return 0;
}
