// SPDX-License-Identifier: MIT
// The async engine against the floor: one thread keeps K PUTs of the identity synchronization
// policy in flight until N have been answered, over HTTP/1.1 (http://) or HTTP/2 (https://, h2
// by ALPN). The floor is a plain curl_multi loop that reuses K easy handles with the same URL,
// headers, body, HTTP version and connection limits, all set once; msgraph is
// `identitySynchronization().put(policy).sendAsync(callback)` on a GraphClient with a
// StaticTokenCredential and a CurlMultiTransport, refilled from the completion callbacks.
//
// Each client runs in a child process of its own (this binary again, in another mode), so that
// its CPU time and peak RSS are its alone. A child first sends 2K PUTs (connections, TLS,
// pools), then times the N PUTs: wall time and its process's CPU (user + system, every thread)
// around that loop, written to the runner through a pipe; the runner adds the child's ru_maxrss
// from wait4. Rounds alternate the order of the children. The server is started by scripts/bench
// (nginx answering 204 on 127.0.0.1).
//
// Usage: async_engine URL_ROOT CA_FILE|- PUTS IN_FLIGHT ROUNDS [CONNECTIONS]
//        async_engine --child floor|floor-3|msgraph URL_ROOT CA_FILE|- PUTS IN_FLIGHT CONNECTIONS
// CONNECTIONS is the most connections per host for both clients (default: the engine's).
#include <curl/curl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <string>
#include <vector>

#include "msgraph/msgraph.hpp"

namespace {

const char* kPartner = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";
const char* kBody = R"({"displayName":"Fabrikam","userSyncInbound":{"isSyncAllowed":true}})";
const char* kToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bench-token.signature";

struct Setup {
  std::string root;
  std::string caFile;  // empty: none (plain HTTP)
  int puts = 0;
  int inFlight = 0;
  long connections = 0;
};

struct Timing {
  double wall = 0;
  double cpu = 0;
};

double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Runs `work` twice: 2K PUTs to warm up, then the N PUTs it times.
template <typename Work>
Timing timed(const Setup& setup, Work work) {
  work(2 * setup.inFlight);
  const auto start = std::chrono::steady_clock::now();
  const double cpuStart = cpuSeconds();
  work(setup.puts);
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  return {wall.count(), cpuSeconds() - cpuStart};
}

[[noreturn]] void fail(const char* what, long status, const char* why) {
  std::fprintf(stderr, "%s failed: status %ld %s\n", what, status, why);
  std::exit(1);
}

size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

// The headers msgraph sends on this PUT, in its order (seen on the wire; its client-request-id
// is a fresh UUID per call, the floor's a fixed one; no empty Expect, which msgraph sends only
// for bodies over 1 KiB), or only the three any client must send.
curl_slist* floorHeaders(bool allOfMsgraphs) {
  const std::string authorization = std::string("Authorization: Bearer ") + kToken;
  std::vector<std::string> lines{"Accept: application/json", "Content-Type: application/json"};
  if (allOfMsgraphs) {
    lines.insert(lines.end(),
                 {"client-request-id: 6f1c1d8e-2f0a-4b8e-9a4c-0d2f7c1e9b3a",
                  "User-Agent: msgraph-cpp/0.1.0", "SdkVersion: graph-cpp/0.1.0", authorization});
  } else {
    lines.push_back(authorization);
  }
  curl_slist* headers = nullptr;
  for (const std::string& line : lines) headers = curl_slist_append(headers, line.c_str());
  return headers;
}

// One easy handle configured as the engine configures its own for this PUT, once.
CURL* floorHandle(const Setup& setup, const std::string& url, curl_slist* headers, CURLSH* share) {
  CURL* easy = curl_easy_init();
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, kBody);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROXY, "");
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
  curl_easy_setopt(easy, CURLOPT_SHARE, share);
  curl_easy_setopt(easy, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  if (!setup.caFile.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, setup.caFile.c_str());
  return easy;
}

// Keeps `handles.size()` PUTs in the multi handle until `puts` have been answered with 204.
void floorLoop(CURLM* multi, const std::vector<CURL*>& handles, int puts) {
  int started = 0;
  int finished = 0;
  for (CURL* easy : handles) {
    if (started == puts) break;
    curl_multi_add_handle(multi, easy);
    ++started;
  }
  while (finished < puts) {
    int running = 0;
    curl_multi_perform(multi, &running);
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      long status = 0;
      curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
      if (message->data.result != CURLE_OK || status != 204) {
        fail("a floor PUT", status, curl_easy_strerror(message->data.result));
      }
      curl_multi_remove_handle(multi, easy);  // invalidates `message`
      ++finished;
      if (started < puts) {
        curl_multi_add_handle(multi, easy);
        ++started;
      }
    }
    if (finished < puts) curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
}

Timing runFloor(const Setup& setup, bool allOfMsgraphs) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const std::string url = setup.root + "/v1.0/policies/crossTenantAccessPolicy/partners/" +
                          kPartner + "/identitySynchronization";
  CURLM* multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, setup.connections);
  CURLSH* share = curl_share_init();
  curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  curl_slist* headers = floorHeaders(allOfMsgraphs);
  std::vector<CURL*> handles;
  for (int i = 0; i < setup.inFlight; ++i) {
    handles.push_back(floorHandle(setup, url, headers, share));
  }
  const Timing timing = timed(setup, [&](int puts) { floorLoop(multi, handles, puts); });
  for (CURL* easy : handles) curl_easy_cleanup(easy);
  curl_slist_free_all(headers);
  curl_share_cleanup(share);
  curl_multi_cleanup(multi);
  curl_global_cleanup();
  return timing;
}

// Keeps `inFlight` async PUTs going: each completion callback (on the loop thread) starts the
// next one, as a user's job would.
class AsyncPuts {
 public:
  AsyncPuts(msgraph::IdentitySynchronizationRequestBuilder sync, int puts)
      : sync_(std::move(sync)), puts_(puts) {
    policy_.displayName = "Fabrikam";
    policy_.userSyncInbound.emplace().isSyncAllowed = true;
  }

  void run(int inFlight) {
    for (int i = 0; i < std::min(inFlight, puts_); ++i) next();
    allDone_.get_future().wait();
  }

 private:
  void next() {
    if (started_.fetch_add(1) >= puts_) return;
    sync_.put(policy_).sendAsync(
        [this](
            msgraph::Result<msgraph::Response<msgraph::models::IdentitySyncPolicyPartner>> result) {
          if (!result.ok()) fail("a msgraph PUT", 0, result.error().what());
          if (result.value().status != 204) fail("a msgraph PUT", result.value().status, "");
          if (++finished_ == puts_) return allDone_.set_value();
          next();
        });
  }

  msgraph::IdentitySynchronizationRequestBuilder sync_;
  msgraph::models::IdentitySyncPolicyPartner policy_;
  const int puts_;
  std::atomic<int> started_{0};  // the first K start on the main thread, the rest on the loop
  int finished_ = 0;             // loop thread only
  std::promise<void> allDone_;
};

Timing runMsgraph(const Setup& setup) {
  msgraph::CurlMultiTransportOptions transport;
  transport.proxy = "";
  transport.maxConnectionsPerHost = setup.connections;
  if (!setup.caFile.empty()) transport.caFile = setup.caFile;
  msgraph::GraphClient client{
      msgraph::ClientOptions{}
          .baseUrl(setup.root)
          .credential(std::make_shared<msgraph::StaticTokenCredential>(kToken))
          .asyncTransport(std::make_shared<msgraph::CurlMultiTransport>(transport))};
  auto sync =
      client.policies().crossTenantAccessPolicy().partners(kPartner).identitySynchronization();
  return timed(setup, [&](int puts) { AsyncPuts(sync, puts).run(setup.inFlight); });
}

int child(const std::string& mode, const Setup& setup) {
  const Timing timing = mode == "msgraph" ? runMsgraph(setup) : runFloor(setup, mode == "floor");
  std::printf("%.9f %.9f\n", timing.wall, timing.cpu);
  return 0;
}

struct Run {
  double requestsPerSecond;
  double cpuMicrosPerRequest;
  double peakMiB;
};

// Runs one child with its stdout on a pipe: its timing from the pipe, its peak RSS from wait4.
Run runChild(const char* mode, char** args, int puts) {
  int out[2];
  if (pipe(out) != 0) std::exit(1);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv{const_cast<char*>("async_engine"), const_cast<char*>("--child"),
                            const_cast<char*>(mode)};
    argv.insert(argv.end(), args, args + 5);
    argv.push_back(nullptr);
    execv("/proc/self/exe", argv.data());
    _exit(127);
  }
  close(out[1]);
  char text[128] = {};
  const ssize_t got = read(out[0], text, sizeof text - 1);
  close(out[0]);
  int status = 0;
  rusage usage{};
  Timing timing;
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0 || got <= 0 ||
      std::sscanf(text, "%lf %lf", &timing.wall, &timing.cpu) != 2) {
    std::fprintf(stderr, "the %s child failed\n", mode);
    std::exit(1);
  }
  return {puts / timing.wall, timing.cpu / puts * 1e6, static_cast<double>(usage.ru_maxrss) / 1024};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// Prints the median of `of(round)` over the rounds, with its range.
template <typename Of>
void printMedian(const char* label, int rounds, Of of, const char* format) {
  std::vector<double> values;
  for (int r = 0; r < rounds; ++r) values.push_back(of(r));
  std::printf("    %-28s ", label);
  std::printf(format, median(values));
  std::printf(" (%.3f-%.3f)\n", *std::min_element(values.begin(), values.end()),
              *std::max_element(values.begin(), values.end()));
}

void report(const std::vector<Run> (&runs)[3], const char* const (&modes)[3], int rounds) {
  for (int m = 0; m < 3; ++m) {
    std::printf("  %-8s", modes[m]);
    printMedian(
        "requests/s", rounds, [&](int r) { return runs[m][r].requestsPerSecond; }, "%.0f");
    printMedian(
        "  CPU us/request", rounds, [&](int r) { return runs[m][r].cpuMicrosPerRequest; }, "%.2f");
    printMedian(
        "  peak RSS MiB", rounds, [&](int r) { return runs[m][r].peakMiB; }, "%.2f");
  }
  for (int base : {0, 1}) {
    std::printf("  msgraph against %s (median of per-round ratios, range):\n", modes[base]);
    auto of = [&](double Run::*field) {
      return [&runs, base, field](int r) { return runs[2][r].*field / runs[base][r].*field; };
    };
    printMedian("requests/s ratio", rounds, of(&Run::requestsPerSecond), "%.3f");
    printMedian("CPU/request ratio", rounds, of(&Run::cpuMicrosPerRequest), "%.3f");
    printMedian(
        "peak RSS difference MiB", rounds,
        [&](int r) { return runs[2][r].peakMiB - runs[base][r].peakMiB; }, "%.2f");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 8 && std::strcmp(argv[1], "--child") == 0) {
    const std::string ca = argv[4];
    return child(argv[2], Setup{argv[3], ca == "-" ? std::string() : ca, std::atoi(argv[5]),
                                std::atoi(argv[6]), std::atol(argv[7])});
  }
  if (argc != 6 && argc != 7) {
    std::fprintf(stderr,
                 "usage: async_engine URL_ROOT CA_FILE|- PUTS IN_FLIGHT ROUNDS "
                 "[CONNECTIONS]\n");
    return 2;
  }
  const int puts = std::atoi(argv[3]);
  const int rounds = std::atoi(argv[5]);
  std::string connections =
      argc == 7 ? argv[6]
                : std::to_string(msgraph::CurlMultiTransportOptions{}.maxConnectionsPerHost);
  char* args[] = {argv[1], argv[2], argv[3], argv[4], connections.data()};
  const char* const modes[3] = {"floor", "floor-3", "msgraph"};
  std::vector<Run> runs[3];
  for (int r = 0; r < rounds; ++r) {
    // Odd rounds run the children in the other order, so neither client always goes first.
    for (int i = 0; i < 3; ++i) {
      const int m = r % 2 == 0 ? i : 2 - i;
      runs[m].push_back(runChild(modes[m], args, puts));
    }
  }
  std::printf("%s, %d PUTs, %s in flight, %s connections per host, %d rounds\n", argv[1], puts,
              argv[4], connections.c_str(), rounds);
  report(runs, modes, rounds);
  return 0;
}
