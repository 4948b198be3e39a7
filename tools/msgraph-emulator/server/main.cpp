// SPDX-License-Identifier: MIT
// msgraph-emulator: a local Microsoft Graph emulator for msgraph-cpp's tests, demo and users.
#include <httplib.h>
#include <sys/socket.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "faults/fault_schedule.hpp"
#include "faults/oversize_body.hpp"
#include "faults/stats.hpp"
#include "graph/router.hpp"
#include "identity/token_store.hpp"
#include "msgraph/version.hpp"
#include "server/http_server.hpp"
#include "server/options.hpp"
#include "server/signals.hpp"
#include "server/tls.hpp"
#include "state/registrations.hpp"
#include "state/store.hpp"

namespace {

using emulator::Options;

// A startup problem the user can fix by changing the command line or its files (exit 2), as
// opposed to a runtime failure (exit 1).
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::unique_ptr<httplib::Server> makeServer(const Options& options) {
  std::string certificate;
  std::string key;
  if (options.tlsSelfSignedDir) {
    const emulator::TlsFiles files = emulator::generateSelfSigned(*options.tlsSelfSignedDir);
    certificate = files.certificate.string();
    key = files.privateKey.string();
  } else if (options.tlsCert) {
    certificate = *options.tlsCert;
    key = *options.tlsKey;
  } else {
    return std::make_unique<httplib::Server>();
  }
  auto server = std::make_unique<httplib::SSLServer>(certificate.c_str(), key.c_str());
  if (!server->is_valid()) {
    throw ConfigError("cannot load the TLS certificate '" + certificate + "' and key '" + key +
                      "'");
  }
  return server;
}

// Binds before the ready line is printed, so a client that reads it can connect at once.
int bind(httplib::Server& server, const Options& options) {
  // httplib's default also sets SO_REUSEPORT, which lets a second emulator bind the same port
  // and silently take half of the connections (and split the state). SO_REUSEADDR alone only
  // allows a quick restart on a port whose old connections linger in TIME_WAIT.
  server.set_socket_options([](socket_t socket) {
    const int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // A response is written in pieces (headers, then body): with Nagle's algorithm each piece after
  // the first waits for the client's delayed ACK, 40 ms a response on Linux.
  server.set_tcp_nodelay(true);
  const int port = options.port == 0
                       ? server.bind_to_any_port(options.host)
                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port <= 0) {
    throw std::runtime_error("cannot listen on " + options.host + ":" +
                             std::to_string(options.port));
  }
  return port;
}

std::string baseUrl(const Options& options, int port) {
  const bool tls = options.tlsSelfSignedDir || options.tlsCert;
  const bool ipv6 = options.host.find(':') != std::string::npos;
  return std::string(tls ? "https" : "http") + "://" +
         (ipv6 ? "[" + options.host + "]" : options.host) + ":" + std::to_string(port);
}

// A data file or certificate file that cannot be read is a configuration problem (exit 2).
// Returns the workload identities, which the state does not keep.
emulator::WorkloadIdentities loadState(emulator::Store& store, const Options& options) {
  try {
    emulator::Registrations registrations = emulator::readRegistrations(options);
    // An older data file's one store goes to the first --tenant, if the file names no tenant.
    store.load(options.tenants.empty() ? std::nullopt
                                       : std::optional<std::string>(options.tenants.front().substr(
                                             0, options.tenants.front().find('='))));
    // Apps and tenants from the command line are added to those of the data file, and are
    // persisted with it.
    store.updateRegistrations(
        [&](emulator::State& state) { return emulator::addRegistrations(state, registrations); });
    return std::move(registrations.workloads);
  } catch (const std::runtime_error& e) {
    throw ConfigError(e.what());
  }
}

int run(const Options& options, sigset_t stopSignals) {
  emulator::Store store(options.dataFile ? std::optional<std::filesystem::path>(*options.dataFile)
                                         : std::nullopt);
  emulator::WorkloadIdentities workloads = loadState(store, options);
  const std::unique_ptr<httplib::Server> server = makeServer(options);
  const int port = bind(*server, options);

  const std::string url = baseUrl(options, port);
  emulator::TokenStore tokens;
  emulator::RequestStats stats;
  const emulator::Router router(
      store, tokens, stats,
      {url, options.autoCreatePartners, options.acceptAnyToken, options.throttle,
       options.throttleManualClock, std::move(workloads)});
  emulator::FaultSchedule schedule(options.faults);
  const std::string oversizeBody = options.faults.oversizeEvery == 0
                                       ? std::string()
                                       : emulator::oversizeBody(options.faults.oversizeBytes, url);
  emulator::installHandlers(
      *server, {router, schedule, stats, options.faults, oversizeBody, options.verbose});

  emulator::SignalStopper stopper(*server, stopSignals);
  std::printf("msgraph-emulator listening on %s\n", url.c_str());
  std::fflush(stdout);
  const bool listened = server->listen_after_bind();
  return stopper.signalled() || listened ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  try {
    options = emulator::parseOptions(argc, argv);
  } catch (const emulator::UsageError& e) {
    std::fprintf(stderr, "msgraph-emulator: %s\n", e.what());
    return 2;
  }
  if (options.help) {
    std::fputs(emulator::usageText().c_str(), stdout);
    return 0;
  }
  if (options.version) {
    std::printf("msgraph-emulator %s\n", MSGRAPH_VERSION_STRING);
    return 0;
  }
  // A client that hangs up mid-response must not kill the process (TLS writes use write(2)).
  std::signal(SIGPIPE, SIG_IGN);
  const sigset_t stopSignals = emulator::blockStopSignals();
  try {
    return run(options, stopSignals);
  } catch (const ConfigError& e) {
    std::fprintf(stderr, "msgraph-emulator: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "msgraph-emulator: %s\n", e.what());
    return 1;
  }
}
