// SPDX-License-Identifier: MIT
#include "exit_codes.hpp"

namespace msgraph_cli {

const std::vector<ExitCodeSpec>& exitCodeSpecs() {
  static const std::vector<ExitCodeSpec> specs = {
      {kExitSuccess, "success",
       "the command did what it was asked (ensure: Unchanged, Created "
       "or Updated)"},
      {kExitServiceError, "Graph refused",
       "Graph answered with an error status other than 401 (also any failure not named below)"},
      {kExitUsage, "usage",
       "a bad option or input, or a file that cannot be opened (--ca-file, --certificate, "
       "--body-parameter @FILE); nothing was sent"},
      {kExitAuthentication, "authentication",
       "the token endpoint refused, or answered without a usable token (no access_token, an "
       "expires_in out of range); no credential of the default chain gave one (each is listed "
       "with why); a token over 32 KB; an unusable --certificate; Graph's 401"},
      {kExitTransport, "transport",
       "Graph or the token endpoint gave no complete answer: connect, TLS (the same code for "
       "the token request and the Graph request), timeout, a dropped connection, a response over "
       "a size limit, or the deadline passed"},
      {kExitDeclined, "declined", "--confirm was answered with no (ensure: Declined)"},
      {kExitUnreadableAnswer, "unreadable answer",
       "Graph answered with success, but its body cannot be read (not JSON, a byte order mark, a "
       "number out of range, a value of the wrong type)"},
      {kExitOutput, "output failed",
       "the result could not be written to standard output (a full disk, a closed stdout), or "
       "export's --output file could not be written (what it held before is kept)"},
      {kExitDrift, "drift",
       "drift: the tenants differ from --desired (the differences are printed)"},
      {kExitBadLines, "bad lines",
       "plan, drift: lines of --desired could not be used (each reported as FILE:LINE: field: "
       "reason) and were skipped; the rest was planned. Takes precedence over drift"},
      {kExitItemsFailed, "items failed",
       "apply: some partners failed (each reported, and recorded in --results); the others were "
       "done. Takes precedence over bad lines"},
      {kExitInterrupted, "interrupted",
       "apply: stopped by SIGINT (the first lets the requests in flight finish, the second "
       "cancels them) before every partner was done; --resume goes on"},
  };
  return specs;
}

}  // namespace msgraph_cli
