#include "state/state.hpp"

#include <algorithm>

#include "support/ascii.hpp"

namespace emulator {

bool State::knowsTenant(std::string_view tenant) const {
  return tenants.empty() ||
         std::any_of(tenants.begin(), tenants.end(),
                     [&](const std::string& known) { return equalsIgnoreCase(known, tenant); });
}

}  // namespace emulator
