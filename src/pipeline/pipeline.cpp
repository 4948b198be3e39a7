// SPDX-License-Identifier: MIT
#include "pipeline/pipeline.hpp"

namespace msgraph {

HttpPolicy::~HttpPolicy() = default;

HttpResponse NextPolicy::send(HttpRequest& request, const CallContext& context) const {
  return pipeline_->sendFrom(index_, request, context, *record_);
}

bool NextPolicy::isPreview() const noexcept { return record_->preview; }

namespace detail {

CallRecord& callRecordOf(const NextPolicy& next) noexcept { return *next.record_; }

Pipeline::Pipeline(std::vector<std::shared_ptr<HttpPolicy>> policies,
                   std::shared_ptr<HttpTransport> transport)
    : policies_(std::move(policies)), transport_(std::move(transport)) {}

HttpResponse Pipeline::sendFrom(std::size_t index, HttpRequest& request, const CallContext& context,
                                CallRecord& record) const {
  if (index < policies_.size()) {
    return policies_[index]->send(request, context, NextPolicy(*this, index + 1, record));
  }
  if (record.preview) return HttpResponse{};
  return transport_->send(request, context);
}

void Pipeline::preview(HttpRequest& request) const {
  CallRecord record;
  record.preview = true;
  send(request, CallContext(), record);
}

std::vector<std::string> Pipeline::describe() const {
  std::vector<std::string> names;
  names.reserve(policies_.size() + 1);
  for (const auto& policy : policies_) names.emplace_back(policy->name());
  names.emplace_back("transport");
  return names;
}

}  // namespace detail
}  // namespace msgraph
