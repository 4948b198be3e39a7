// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "msgraph/http/http_transport.hpp"
#include "msgraph/pipeline/http_policy.hpp"
#include "pipeline/call_record.hpp"

namespace msgraph::detail {

/// The fixed chain of policies of a client, ending in its transport. Immutable once built, so
/// calls on many threads share it without locks.
class Pipeline {
 public:
  Pipeline(std::vector<std::shared_ptr<HttpPolicy>> policies,
           std::shared_ptr<HttpTransport> transport);

  /// Sends through every policy, then the transport; `record` is the call's own (retry
  /// override, attempts). In a preview, the transport is skipped and an empty response
  /// (status 0) comes back.
  HttpResponse send(HttpRequest& request, const CallContext& context, CallRecord& record) const {
    return sendFrom(0, request, context, record);
  }
  /// Runs every policy as a preview: afterwards `request` holds what would be sent.
  void preview(HttpRequest& request) const;
  /// Sends through the policies from `index` on.
  HttpResponse sendFrom(std::size_t index, HttpRequest& request, const CallContext& context,
                        CallRecord& record) const;
  /// Policy names in order, then "transport".
  std::vector<std::string> describe() const;

 private:
  std::vector<std::shared_ptr<HttpPolicy>> policies_;
  std::shared_ptr<HttpTransport> transport_;
};

}  // namespace msgraph::detail
