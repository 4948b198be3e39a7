#include "stats.hpp"

namespace emulator {

void RequestStats::record(Fault fault) {
  ++graphRequests_;
  switch (fault) {
    case Fault::Throttle:
      ++throttle_;
      break;
    case Fault::Unavailable:
      ++unavailable_;
      break;
    case Fault::Drop:
      ++drop_;
      break;
    case Fault::Oversize:
      ++oversize_;
      break;
    case Fault::None:
      break;
  }
}

msgraph::Json RequestStats::toJson() const {
  return msgraph::Json::object({{"graphRequests", graphRequests_.load()},
                                {"faults", msgraph::Json::object({
                                               {"throttle", throttle_.load()},
                                               {"unavailable", unavailable_.load()},
                                               {"drop", drop_.load()},
                                               {"oversize", oversize_.load()},
                                           })}});
}

}  // namespace emulator
