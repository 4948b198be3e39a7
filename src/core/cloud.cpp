// SPDX-License-Identifier: MIT
#include "msgraph/cloud.hpp"

namespace msgraph {

std::string_view graphRoot(Cloud cloud) noexcept {
  switch (cloud) {
    case Cloud::UsGov:
      return "https://graph.microsoft.us";
    case Cloud::UsGovDoD:
      return "https://dod-graph.microsoft.us";
    case Cloud::China:
      return "https://microsoftgraph.chinacloudapi.cn";
    case Cloud::Global:
      break;
  }
  return "https://graph.microsoft.com";
}

std::string_view loginAuthority(Cloud cloud) noexcept {
  switch (cloud) {
    case Cloud::UsGov:
    case Cloud::UsGovDoD:
      return "https://login.microsoftonline.us";
    case Cloud::China:
      return "https://login.chinacloudapi.cn";
    case Cloud::Global:
      break;
  }
  return "https://login.microsoftonline.com";
}

std::string_view toString(ApiVersion version) noexcept {
  return version == ApiVersion::Beta ? "beta" : "v1.0";
}

}  // namespace msgraph
