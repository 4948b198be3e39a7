// SPDX-License-Identifier: MIT
#include "msgraph/client/fleet.hpp"

#include <utility>

#include "client/fleet_run.hpp"
#include "requests/batch_envelope.hpp"

namespace msgraph {

Fleet::Fleet(FleetOptions options) : options_(std::move(options)) {
  if (options_.transport == nullptr) {
    throw ValidationError("FleetOptions.transport",
                          "is required: the async transport every tenant's client shares");
  }
  if (!options_.tenant) {
    throw ValidationError("FleetOptions.tenant", "is required: it gives the tenants' clients");
  }
  if (options_.progressInterval.count() <= 0) {
    throw ValidationError("FleetOptions.progressInterval", "must be positive");
  }
  if (!options_.fixedConcurrency) options_.throttle.validate();
  if (options_.fixedConcurrency && *options_.fixedConcurrency < 1) {
    throw ValidationError("FleetOptions.fixedConcurrency", "must be at least 1");
  }
  if (options_.batchSize &&
      (*options_.batchSize < 1 || *options_.batchSize > detail::kMaxBatchRequests)) {
    throw ValidationError(
        "FleetOptions.batchSize",
        "must be from 1 to 20 (the most requests Graph takes in one $batch), not " +
            std::to_string(*options_.batchSize));
  }
}

FleetSummary Fleet::run(const Source& source, const Sink& sink, const FleetControl* control) {
  auto run = std::make_shared<detail::FleetRun>(options_, source, sink, control);
  return run->runAndWait();
}

}  // namespace msgraph
