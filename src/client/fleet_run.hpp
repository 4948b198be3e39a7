// SPDX-License-Identifier: MIT
#pragma once

// One fleet run on the loop thread: pulls items while there is room, starts each as an async
// call through the run's gate, hands each result on as it ends, and watches the run's control
// and its clock. `Fleet::run` waits on it from the caller's thread.
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "client/fleet_batch.hpp"
#include "client/fleet_gate.hpp"
#include "msgraph/client/fleet.hpp"

namespace msgraph::detail {

class FleetRun : public std::enable_shared_from_this<FleetRun> {
 public:
  FleetRun(const FleetOptions& options, const Fleet::Source& source, const Fleet::Sink& sink,
           const FleetControl* control);

  /// Starts the run on the loop thread (posted), then waits until every started item has
  /// reported; rethrows what the source or the sink threw.
  FleetSummary runAndWait();

 private:
  struct Tenant {
    std::shared_ptr<const FleetTenant> tenant;  // null: the options could not give it
    std::shared_ptr<FleetGate::TenantGate> gate;
    std::shared_ptr<FleetBatcher> batcher;  // in `$batch` mode
  };

  void start();
  // Pulls and starts items while the run has room and is not stopping.
  void fill();
  void launch(std::size_t index, FleetItem item);
  // Sends `item` (its `reruns`-th run again), `before` the attempts of its earlier runs.
  void send(FleetItem item, FleetResult result, std::vector<Attempt> before, int reruns);
  bool mayRunAgain(const FleetResult& ended, int reruns) const;
  void report(FleetResult result);
  const Tenant& tenantNamed(const std::string& name);
  // Looks at the control (every 20 ms) and reports progress (every interval).
  void watch();
  void progress();
  FleetProgress progressNow() const;
  void fail(std::exception_ptr error);  // the source or sink threw: cancel, rethrow at the end
  void finishIfDone();

  const FleetOptions& options_;
  const Fleet::Source& source_;
  const Fleet::Sink& sink_;
  const FleetControl* control_;
  AsyncHttpTransport& loop_;
  FleetGate gate_;
  CancellationToken cancellation_;
  std::map<std::string, Tenant> tenants_;
  std::size_t maxActive_;
  std::size_t next_ = 0;  // items pulled
  std::size_t active_ = 0;
  bool filling_ = false;
  bool finished_ = false;
  bool sourceDry_ = false;
  bool stopping_ = false;
  bool cancelled_ = false;
  FleetSummary summary_;
  std::chrono::steady_clock::time_point startedAt_;
  std::chrono::steady_clock::time_point lastProgress_;
  std::size_t doneAtLastProgress_ = 0;
  double lastPace_ = 0;  // items per second of the last interval that finished any
  AsyncHttpTransport::TimerId watchTimer_ = 0;
  std::exception_ptr failure_;

  std::mutex mutex_;  // guards `done_` between the loop thread and the waiting caller
  std::condition_variable doneSignal_;
  bool done_ = false;
};

}  // namespace msgraph::detail
