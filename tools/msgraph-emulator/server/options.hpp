// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "faults/fault_schedule.hpp"
#include "throttling/throttle_options.hpp"

namespace emulator {

/// The command line, parsed and checked.
struct Options {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: the system picks a free port
  bool allowRemote = false;
  std::optional<std::string> tlsSelfSignedDir;
  std::optional<std::string> tlsCert;
  std::optional<std::string> tlsKey;
  bool autoCreatePartners = false;
  bool acceptAnyToken = false;
  std::vector<std::pair<std::string, std::string>> apps;             // client id, secret
  std::vector<std::pair<std::string, std::string>> appCertificates;  // client id, PEM file
  std::vector<std::pair<std::string, std::string>> appRoles;         // client id, role
  std::vector<std::string> tenants;  // empty: the token endpoint serves any tenant
  std::vector<std::pair<std::string, std::string>> federatedIssuers;  // issuer, PEM file
  std::vector<std::pair<std::string, std::string>> appFederated;      // client id, ISSUER:SUBJECT
  std::vector<std::optional<std::string>> managedIdentities;          // a client id; none: system
  std::optional<std::string> identityHeader;
  bool imds = false;
  std::optional<std::string> arcKeyDir;
  std::uint64_t imdsGoneFirst = 0;
  std::optional<std::string> dataFile;
  FaultOptions faults;
  ThrottleOptions throttle;
  bool throttleManualClock = false;
  bool verbose = false;
  bool help = false;
  bool version = false;
};

/// A bad command line; the message names the flag. The program exits with status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Parses `argv` (`--flag value` or `--flag=value`) with the flags of optionSpecs().
/// @throws UsageError for an unknown flag, a missing or bad value, conflicting flags, or a
/// non-loopback `--host` without `--allow-remote`.
Options parseOptions(int argc, const char* const* argv);

/// The `--help` text, with one entry per flag of optionSpecs().
const std::string& usageText();

}  // namespace emulator
