// SPDX-License-Identifier: MIT
#pragma once

// A fleet run's `$batch` mode for one tenant: the items' requests go in `POST /$batch`
// envelopes of at most `size` requests instead of one round trip each. Each attempt stays its
// item's own call (client-request-id, retries after its own Retry-After, logging, attempt
// records); the envelope only carries it. Reads and writes wait apart, since an envelope is
// admitted against one set of scopes: the tenant's gate admits it for as many requests as the
// quota has tokens for, each counting as one. The envelope is sent once through the tenant
// client's async pipeline (authorization, a 401's renewed token, logging); when it fails, each
// of its requests gets that failure as its own answer, which its own retry policy judges.
// Loop thread only.
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "client/fleet_gate.hpp"
#include "msgraph/json/json.hpp"
#include "pipeline/attempt_carrier.hpp"
#include "requests/request_adapter.hpp"

namespace msgraph::detail {

class FleetBatcher : public std::enable_shared_from_this<FleetBatcher> {
 public:
  /// Envelopes of at most `size` requests (1 to 20) on the client of `adapter`, admitted by
  /// `gate`; tasks run on `loop`.
  FleetBatcher(AsyncHttpTransport& loop, std::shared_ptr<FleetGate::TenantGate> gate,
               std::shared_ptr<const RequestAdapter> adapter, int size);

  /// The carrier of one item's requests: each goes in an envelope as request `id` (the item's
  /// number: the same for every request of the item and every resubmission). `wroteBefore`:
  /// an item run again, whose earlier run may have written.
  std::shared_ptr<AttemptCarrier> carrierFor(std::string id, bool wroteBefore);
  /// The run stops: the requests of items that have sent no write yet (they changed nothing)
  /// are dropped unsent with `NotSentError`, those waiting for an envelope now and any handed
  /// over later; the requests of items that have sent a write go on.
  void refuseUnstarted();

 private:
  class ItemCarrier;
  struct Part {
    std::string id;
    Json item;  // the request as the envelope holds it
    CallContext context;
    AttemptCarrier::Carried done;
    bool nothingWritten = false;  // its item has sent no write yet
  };
  struct Lane {
    bool writes = false;
    std::deque<Part> waiting;
    bool asking = false;  // an envelope of this lane is being asked for at the gate
  };
  using Parts = std::shared_ptr<std::vector<Part>>;

  void carry(const std::string& id, const HttpRequest& request, const CallContext& context,
             AttemptCarrier::Carried done, bool nothingWritten);
  // Ends a request unsent, from a task of the loop.
  void refuse(AttemptCarrier::Carried done);
  // Asks the gate for an envelope of the lane's waiting requests, once the loop has run the
  // tasks at hand (so that the requests they make go in it too).
  void ask(Lane& lane);
  void send(Lane& lane, std::uint64_t pass, int items);
  void answered(std::uint64_t pass, const Parts& parts, HttpResponse envelope,
                std::exception_ptr error);

  AsyncHttpTransport& loop_;
  std::shared_ptr<FleetGate::TenantGate> gate_;
  std::shared_ptr<const RequestAdapter> adapter_;
  std::size_t size_;
  Lane reads_;
  Lane writes_;
  bool refusingUnstarted_ = false;
};

}  // namespace msgraph::detail
