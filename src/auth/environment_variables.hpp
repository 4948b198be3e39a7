// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <vector>

#include "auth/credential_unavailable.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/error.hpp"

namespace msgraph::detail {

/// The environment a credential reads: `TokenCredentialOptions::environment`, else the
/// process's. A variable set to the empty string counts as not set, as in the Azure SDKs.
class EnvironmentVariables {
 public:
  explicit EnvironmentVariables(const TokenCredentialOptions& options)
      : source_(options.environment) {}
  /// The value of `name`, empty when it is not set.
  std::string get(std::string_view name) const;

 private:
  std::function<std::optional<std::string>(std::string_view)> source_;
};

/// Where each argument of a credential came from, by the field name its ValidationError uses
/// (`tenantId` -> `AZURE_TENANT_ID`), so that a refused value is reported by its variable.
using ValueSources = std::map<std::string, std::string, std::less<>>;

/// The AuthenticationError of `credential` for an argument refused with `error`, naming the
/// variable it was read from (never its value).
AuthenticationError refusedSetting(std::string_view credential, const ValueSources& sources,
                                   const ValidationError& error);

/// `<credential> is not configured: A, B are not set`: the credential is not set up here, and
/// DefaultCredential moves on.
SetupProblem notConfigured(std::string_view credential, const std::vector<std::string>& unset);

}  // namespace msgraph::detail
