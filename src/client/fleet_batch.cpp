// SPDX-License-Identifier: MIT
#include "client/fleet_batch.hpp"

#include <algorithm>
#include <utility>

#include "msgraph/error.hpp"
#include "requests/batch_envelope.hpp"

namespace msgraph::detail {

namespace {

// The envelope goes once: a failure is each request's own answer, for its own retry policy.
const RetryOptions kEnvelopeRetry = [] {
  RetryOptions once;
  once.maxRetries = 0;
  return once;
}();

}  // namespace

class FleetBatcher::ItemCarrier final : public AttemptCarrier {
 public:
  ItemCarrier(std::shared_ptr<FleetBatcher> batcher, std::string id, bool wroteBefore)
      : batcher_(std::move(batcher)), id_(std::move(id)), writes_(wroteBefore) {}

  void carry(HttpRequest request, const CallContext& context, Carried done) override {
    batcher_->carry(id_, request, context, std::move(done), writes_.nothingWrittenBefore(request));
  }

 private:
  std::shared_ptr<FleetBatcher> batcher_;
  std::string id_;
  ItemWrites writes_;
};

FleetBatcher::FleetBatcher(AsyncHttpTransport& loop, std::shared_ptr<FleetGate::TenantGate> gate,
                           std::shared_ptr<const RequestAdapter> adapter, int size)
    : loop_(loop),
      gate_(std::move(gate)),
      adapter_(std::move(adapter)),
      size_(static_cast<std::size_t>(size)) {
  writes_.writes = true;
}

std::shared_ptr<AttemptCarrier> FleetBatcher::carrierFor(std::string id, bool wroteBefore) {
  return std::make_shared<ItemCarrier>(shared_from_this(), std::move(id), wroteBefore);
}

void FleetBatcher::refuseUnstarted() {
  refusingUnstarted_ = true;
  for (Lane* lane : {&reads_, &writes_}) {
    std::deque<Part> kept;
    for (Part& part : lane->waiting) {
      if (part.nothingWritten) {
        refuse(std::move(part.done));
      } else {
        kept.push_back(std::move(part));
      }
    }
    lane->waiting.swap(kept);  // an envelope asked for may now find it empty: see send()
  }
}

void FleetBatcher::refuse(AttemptCarrier::Carried done) {
  loop_.post([done = std::move(done)] { done({}, std::make_exception_ptr(NotSentError())); });
}

void FleetBatcher::carry(const std::string& id, const HttpRequest& request,
                         const CallContext& context, AttemptCarrier::Carried done,
                         bool nothingWritten) {
  if (nothingWritten && refusingUnstarted_) return refuse(std::move(done));
  Json item;
  try {
    item = batchItemOf(id, request, adapter_->serviceRoot());
  } catch (const Error&) {  // this request cannot be batched: it fails alone, later
    loop_.post([done = std::move(done), error = std::current_exception()] { done({}, error); });
    return;
  }
  Lane& lane = request.method == HttpMethod::Get ? reads_ : writes_;
  lane.waiting.push_back(Part{id, std::move(item), context, std::move(done), nothingWritten});
  ask(lane);
}

void FleetBatcher::ask(Lane& lane) {
  if (lane.asking || lane.waiting.empty()) return;
  lane.asking = true;
  loop_.post([self = shared_from_this(), &lane] {
    self->gate_->admitEnvelope(
        lane.writes,
        [self, &lane] { return static_cast<int>(std::min(lane.waiting.size(), self->size_)); },
        [self, &lane](std::uint64_t pass, int taken) { self->send(lane, pass, taken); });
  });
}

void FleetBatcher::send(Lane& lane, std::uint64_t pass, int items) {
  lane.asking = false;
  if (items == 0 || lane.waiting.empty()) {  // a stop dropped every request it was to carry
    if (pass != 0) gate_->envelopeEnded(pass, nullptr, {});
    return ask(lane);
  }
  auto parts = std::make_shared<std::vector<Part>>();
  Json::Array envelope;
  for (int i = 0; i < items && !lane.waiting.empty(); ++i) {
    envelope.push_back(std::move(lane.waiting.front().item));
    parts->push_back(std::move(lane.waiting.front()));
    lane.waiting.pop_front();
  }
  ask(lane);  // the rest, in the next envelope
  HttpRequest request;
  request.method = HttpMethod::Post;
  request.url = adapter_->serviceRoot() + "/$batch";
  request.headers.add("Accept", "application/json");
  request.headers.add("Content-Type", "application/json");
  request.body = batchEnvelopeOf(std::move(envelope));
  const CallContext context = parts->front().context;  // a run's items share their options
  adapter_->asyncPipeline()->send(
      std::move(request), context, &kEnvelopeRetry, AttemptHooks{},
      [self = shared_from_this(), pass, parts](HttpResponse response, std::exception_ptr error,
                                               CallRecord&) {
        self->answered(pass, parts, std::move(response), std::move(error));
      });
}

void FleetBatcher::answered(std::uint64_t pass, const Parts& parts, HttpResponse envelope,
                            std::exception_ptr error) {
  std::vector<BatchAnswer> answers;
  if (error || envelope.status < 200 || envelope.status > 299) {
    // The envelope failed: each request got that failure.
    answers.assign(parts->size(), BatchAnswer{envelope, error});
    gate_->envelopeEnded(pass, error ? nullptr : &envelope, {});
  } else {
    std::vector<std::string> ids;
    ids.reserve(parts->size());
    for (const Part& part : *parts) ids.push_back(part.id);
    answers = readBatchAnswers(envelope.body, ids);
    const std::optional<std::string_view> envelopeId = envelope.headers.get("request-id");
    std::vector<const HttpResponse*> read;
    for (BatchAnswer& answer : answers) {
      if (answer.error) continue;
      if (envelopeId && !answer.response.headers.contains("request-id")) {
        answer.response.headers.add("request-id", std::string(*envelopeId));
      }
      read.push_back(&answer.response);
    }
    gate_->envelopeEnded(pass, &envelope, read);
  }
  for (std::size_t i = 0; i < parts->size(); ++i) {
    (*parts)[i].done(std::move(answers[i].response), answers[i].error);
  }
}

}  // namespace msgraph::detail
