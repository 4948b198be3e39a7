// SPDX-License-Identifier: MIT
#pragma once

#include "msgraph/client/fleet.hpp"

namespace msgraph_cli::fleet {

/// SIGINT for the life of an apply: the first stops starting partners (those in flight finish
/// and are recorded), the second cancels those in flight, a third ends the process. The
/// previous handler comes back when this goes.
class InterruptToStop {
 public:
  explicit InterruptToStop(msgraph::FleetControl& control);
  ~InterruptToStop();
  InterruptToStop(const InterruptToStop&) = delete;
  InterruptToStop& operator=(const InterruptToStop&) = delete;
};

}  // namespace msgraph_cli::fleet
