// SPDX-License-Identifier: MIT
#include "server/http_server.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <thread>
#include <utility>

#include "api/call_ids.hpp"
#include "faults/drop_connection.hpp"
#include "faults/fault_responses.hpp"
#include "graph/graph_responses.hpp"
#include "msgraph/ascii.hpp"
#include "server/bounded_body.hpp"
#include "server/connection_pool.hpp"

namespace emulator {
namespace {

// The largest request body kept. Graph's errors page lists 413 Request Entity Too Large
// (https://learn.microsoft.com/graph/errors) without a figure for this API; 4 MB is the limit
// Graph is widely reported to apply to request bodies, and --help says it is the emulator's.
constexpr std::size_t kMaxBody = 4u * 1024u * 1024u;
// httplib's stop() waits for idle keep-alive connections to time out, so this bounds how long
// a clean shutdown takes, and how long a connection that sends nothing keeps its thread; it
// stays above the default Retry-After of 1 s so that a client retrying after a 429 can still
// reuse its connection.
constexpr time_t kKeepAliveSeconds = 2;
// How long one read from a connection (a TLS handshake, or the rest of a half-sent request)
// may stall before the connection is closed. httplib's default, stated here because --help
// documents it.
constexpr time_t kReadTimeoutSeconds = 5;
// Connections served at once, each on its own thread; more wait for a free one.
constexpr std::size_t kMaxConnections = 128;
// The oversize body goes to the socket in pieces of this size.
constexpr std::size_t kOversizeChunk = 1u << 20;

// httplib adds these pseudo-headers to every request; they are not the client's.
bool isPseudoHeader(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" ||
         name == "LOCAL_PORT";
}

ApiRequest toApiRequest(const httplib::Request& request, std::string body) {
  ApiRequest out;
  out.method = request.method;
  const std::size_t question = request.target.find('?');
  out.rawPath = request.target.substr(0, question);
  if (question != std::string::npos) out.rawQuery = request.target.substr(question + 1);
  for (const auto& [name, value] : request.headers) {
    if (!isPseudoHeader(name)) out.headers.emplace_back(name, value);
  }
  out.body = std::move(body);
  return out;
}

void toHttplib(const ApiResponse& response, httplib::Response& out) {
  out.status = response.status;
  std::string contentType;
  for (const auto& [name, value] : response.headers) {
    if (msgraph::asciiEqualsIgnoreCase(name, "Content-Type")) {
      contentType = value;
    } else {
      out.set_header(name, value);
    }
  }
  if (!response.body.empty()) out.set_content(response.body, contentType);
}

// Path only: queries and bodies are never logged, and headers (tokens) never are.
void logLine(const httplib::Request& request, const std::string& outcome,
             std::chrono::steady_clock::time_point start) {
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  const std::string path = request.target.substr(0, request.target.find('?'));
  const std::string line = request.method + " " + path + " -> " + outcome + " (" +
                           std::to_string(elapsed.count()) + " ms)\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

ApiResponse faultResponse(Fault fault, const ApiRequest& request, const FaultOptions& faults) {
  const CallIds ids = newCallIds(request.headers);
  ApiResponse response = fault == Fault::Throttle ? throttledResponse(ids, faults.retryAfter)
                                                  : unavailableResponse(ids, faults.retryAfter);
  addStandardHeaders(response, ids);
  return response;
}

// httplib's own refusals, before a request reaches the router, in Graph's words: the statuses
// as https://learn.microsoft.com/graph/errors lists them; the codes and messages are not
// documented there.
std::pair<const char*, const char*> describeRefusal(int status) {
  switch (status) {
    case 404:
      return {"Request_ResourceNotFound", "The requested resource was not found."};
    case 405:
      return {"Request_BadRequest", "Specified HTTP method is not allowed for the request uri."};
    case 413:
      return {"RequestEntityTooLarge", "The request body exceeds the maximum of 4 MB."};
    case 414:
      return {"RequestUriTooLong", "The request URI is too long."};
    default:
      return status >= 500 ? std::pair{"InternalServerError", "The request failed."}
                           : std::pair{"BadRequest", "The request is malformed."};
  }
}

// Answers with the oversize fault's body: 200, JSON, and the call's ids. The body is streamed
// from the one copy built at startup rather than copied into each response.
void sendOversize(const ApiRequest& request, const std::string& body, httplib::Response& out) {
  const CallIds ids = newCallIds(request.headers);
  ApiResponse head;
  addStandardHeaders(head, ids);
  toHttplib(head, out);
  out.set_content_provider(
      body.size(), "application/json",
      [&body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return sink.write(body.data() + offset, std::min(length, kOversizeChunk));
      });
}

// Closes the connection of `request` without a response (the drop faults).
void drop(const httplib::Request& request, const ServerParts& parts, const char* what,
          std::chrono::steady_clock::time_point start) {
  const bool dropped = dropConnection(request);
  if (parts.verbose) logLine(request, dropped ? what : "drop failed", start);
}

// Carries one request, with its body, through the fault schedule and the router onto the wire.
using BodyHandler =
    std::function<void(const httplib::Request&, httplib::Response&, std::string body)>;

BodyHandler requestHandler(const ServerParts& parts) {
  return [parts](const httplib::Request& request, httplib::Response& response, std::string body) {
    const auto start = std::chrono::steady_clock::now();
    const ApiRequest apiRequest = toApiRequest(request, std::move(body));
    const bool graph = Router::isGraphPath(apiRequest.rawPath);
    const Fault fault = graph ? parts.schedule.next() : Fault::None;
    if (graph) parts.stats.record(fault);
    if (fault == Fault::Drop) return drop(request, parts, "dropped (fault)", start);
    if (fault == Fault::DropAfterApply) {
      parts.router.dispatch(apiRequest);
      return drop(request, parts, "applied, then dropped (fault)", start);
    }
    if (fault == Fault::Oversize) {
      sendOversize(apiRequest, parts.oversizeBody, response);
    } else {
      toHttplib(fault == Fault::None ? parts.router.dispatch(apiRequest)
                                     : faultResponse(fault, apiRequest, parts.faults),
                response);
    }
    if (graph && parts.faults.delay.count() > 0) std::this_thread::sleep_for(parts.faults.delay);
    if (parts.verbose) {
      const char* note = fault == Fault::Oversize ? " (oversize fault)" : "";
      logLine(request, std::to_string(response.status) + note, start);
    }
  };
}

// Gives httplib's own refusals (which have no body yet) Graph's error body and headers.
httplib::Server::HandlerWithResponse refusalHandler(bool verbose) {
  return [verbose](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const auto start = std::chrono::steady_clock::now();
    const CallIds ids = newCallIds(toApiRequest(request, {}).headers);
    const auto [code, message] = describeRefusal(response.status);
    ApiResponse answer = graphError(ids, response.status, code, message);
    addStandardHeaders(answer, ids);
    toHttplib(answer, response);
    if (verbose) logLine(request, std::to_string(answer.status), start);
    return httplib::Server::HandlerResponse::Handled;
  };
}

}  // namespace

void installHandlers(httplib::Server& server, const ServerParts& parts) {
  const BodyHandler handler = requestHandler(parts);
  const httplib::Server::Handler withoutBody = [handler](const httplib::Request& request,
                                                         httplib::Response& response) {
    handler(request, response, std::string());
  };
  // The methods with a body read it themselves, so that it is bounded while it arrives:
  // httplib's own reading bounds only a declared Content-Length. A refusal gets its Graph body
  // from the error handler.
  const httplib::Server::HandlerWithContentReader withBody =
      [handler](const httplib::Request& request, httplib::Response& response,
                const httplib::ContentReader& reader) {
        std::string body;
        switch (readBoundedBody(request, response, reader, kMaxBody, body)) {
          case BodyRead::Complete:
            return handler(request, response, std::move(body));
          case BodyRead::TooLarge:
            response.status = 413;
            return;
          case BodyRead::Malformed:
            response.status = 400;
            return;
        }
      };
  // httplib matches the decoded path against these patterns; routing itself works on the raw
  // target, so the patterns only need to match everything (newlines included).
  const std::string any = "[\\s\\S]*";
  server.Get(any, withoutBody);
  server.Post(any, withBody);
  server.Put(any, withBody);
  server.Patch(any, withBody);
  server.Delete(any, withBody);
  server.Options(any, withoutBody);
  server.set_error_handler(refusalHandler(parts.verbose));
  server.set_payload_max_length(kMaxBody);
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  server.set_read_timeout(kReadTimeoutSeconds);
  server.new_task_queue = [] { return new ConnectionPool(kMaxConnections); };
  // libcurl silently resends a request once when a reused connection closes without an answer,
  // which would hide a dropped connection from the client under test. One request per
  // connection makes every drop visible.
  if (parts.faults.dropEvery != 0 || parts.faults.dropAfterApplyEvery != 0) {
    server.set_keep_alive_max_count(1);
  }
}

}  // namespace emulator
