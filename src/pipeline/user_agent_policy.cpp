// SPDX-License-Identifier: MIT
#include "msgraph/version.hpp"
#include "pipeline/builtin_policies.hpp"

namespace msgraph::detail {

namespace {
constexpr const char* kSdkVersion = "graph-cpp/" MSGRAPH_VERSION_STRING;
}  // namespace

UserAgentPolicy::UserAgentPolicy(const std::string& applicationId)
    : userAgent_(std::string("msgraph-cpp/") + MSGRAPH_VERSION_STRING) {
  if (!applicationId.empty()) userAgent_ += " " + applicationId;
}

void UserAgentPolicy::apply(HttpRequest& request) const {
  if (!request.headers.contains("User-Agent")) request.headers.add("User-Agent", userAgent_);
  request.headers.set("SdkVersion", kSdkVersion);
}

HttpResponse UserAgentPolicy::send(HttpRequest& request, const CallContext& context,
                                   const NextPolicy& next) {
  apply(request);
  return next.send(request, context);
}

}  // namespace msgraph::detail
