// SPDX-License-Identifier: MIT
// Per-request client CPU of msgraph's PUT against the floor: a plain libcurl loop doing the same
// PUT (same URL, headers and body) over one reused connection. Both talk to the same local
// server on 127.0.0.1, in rounds that alternate between the two, and only the client thread's CPU
// time is counted (CLOCK_THREAD_CPUTIME_ID), so the server and the machine's other load do not
// enter the figures. Also counts C++ heap allocations per request on the client thread.
//
// Usage: put_overhead [requests-per-round] [rounds]
#include <curl/curl.h>
#include <httplib.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "msgraph/msgraph.hpp"

namespace {

thread_local bool countAllocations = false;
thread_local long allocations = 0;

double threadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

const char* kPartner = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";
const char* kBody = R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})";
const char* kToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bench-token.signature";

struct Sample {
  double cpu;
  long allocations;
};

size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

// The floor: what any client must do to send this PUT with libcurl.
Sample plainCurl(CURL* curl, const std::string& url, int n) {
  curl_slist* headers = nullptr;
  for (const char* h : {"Accept: application/json", "Content-Type: application/json",
                        "client-request-id: 6f1c1d8e-2f0a-4b8e-9a4c-0d2f7c1e9b3a",
                        "User-Agent: msgraph-cpp/0.1.0", "SdkVersion: graph-cpp/0.1.0",
                        "Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bench-token."
                        "signature"}) {
    headers = curl_slist_append(headers, h);
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, kBody);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  const double start = threadCpuSeconds();
  allocations = 0;
  countAllocations = true;
  for (int i = 0; i < n; ++i) {
    if (curl_easy_perform(curl) != CURLE_OK) std::abort();
  }
  countAllocations = false;
  Sample sample{threadCpuSeconds() - start, allocations};
  curl_slist_free_all(headers);
  return sample;
}

Sample library(const msgraph::GraphClient& client, int n) {
  auto sync =
      client.policies().crossTenantAccessPolicy().partners(kPartner).identitySynchronization();
  msgraph::models::IdentitySyncPolicyPartner policy;
  policy.displayName = "Fabrikam";
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  const double start = threadCpuSeconds();
  allocations = 0;
  countAllocations = true;
  for (int i = 0; i < n; ++i) {
    if (sync.put(policy).execute().status != 204) std::abort();
  }
  countAllocations = false;
  return {threadCpuSeconds() - start, allocations};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

void* operator new(std::size_t size) {
  if (countAllocations) ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

int main(int argc, char** argv) {
  const int perRound = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 7;

  httplib::Server server;
  server.Put(R"(/v1.0/policies/crossTenantAccessPolicy/partners/([^/]+)/identitySynchronization)",
             [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  server.set_keep_alive_max_count(1000000);
  server.set_tcp_nodelay(true);
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread serverThread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  const std::string root = "http://127.0.0.1:" + std::to_string(port);
  const std::string url = root + "/v1.0/policies/crossTenantAccessPolicy/partners/" + kPartner +
                          "/identitySynchronization";
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL* curl = curl_easy_init();
  msgraph::GraphClient client{msgraph::ClientOptions{}.baseUrl(root).credential(
      std::make_shared<msgraph::StaticTokenCredential>(kToken))};

  plainCurl(curl, url, perRound / 4);  // warm up both: connections, caches, lazy init
  library(client, perRound / 4);
  std::vector<double> curlCpu, libCpu, ratios;
  long curlAllocs = 0, libAllocs = 0;
  for (int r = 0; r < rounds; ++r) {
    const Sample a = plainCurl(curl, url, perRound);
    const Sample b = library(client, perRound);
    curlCpu.push_back(a.cpu / perRound * 1e6);
    libCpu.push_back(b.cpu / perRound * 1e6);
    ratios.push_back(b.cpu / a.cpu);
    curlAllocs = a.allocations;
    libAllocs = b.allocations;
  }
  std::printf("requests per round: %d, rounds: %d\n", perRound, rounds);
  std::printf("plain libcurl loop: %.1f us client CPU per PUT (median)\n", median(curlCpu));
  std::printf("msgraph put().execute(): %.1f us client CPU per PUT (median)\n", median(libCpu));
  std::printf("ratio msgraph / libcurl: %.3f (median of per-round ratios; min %.3f, max %.3f)\n",
              median(ratios), *std::min_element(ratios.begin(), ratios.end()),
              *std::max_element(ratios.begin(), ratios.end()));
  double curlTotal = 0, libTotal = 0;
  for (int r = 0; r < rounds; ++r) {
    curlTotal += curlCpu[r];
    libTotal += libCpu[r];
  }
  std::printf("ratio of totals over all rounds: %.3f\n", libTotal / curlTotal);
  std::printf("C++ heap allocations per PUT: libcurl loop %.1f, msgraph %.1f\n",
              static_cast<double>(curlAllocs) / perRound,
              static_cast<double>(libAllocs) / perRound);

  curl_easy_cleanup(curl);
  server.stop();
  serverThread.join();
  return 0;
}
