// SPDX-License-Identifier: MIT
#include "msgraph/client/fleet.hpp"

#include <utility>

#include "client/fleet_run.hpp"

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
}

FleetSummary Fleet::run(const Source& source, const Sink& sink, const FleetControl* control) {
  auto run = std::make_shared<detail::FleetRun>(options_, source, sink, control);
  return run->runAndWait();
}

}  // namespace msgraph
