// SPDX-License-Identifier: MIT
#include "graph/policy_schema.hpp"

namespace emulator {

const PropertySpec* findProperty(std::string_view name, ApiVersion version) {
  for (const PropertySpec& spec : kPolicyProperties) {
    if (spec.name == name && (version == ApiVersion::Beta || !spec.betaOnly)) return &spec;
  }
  return nullptr;
}

}  // namespace emulator
