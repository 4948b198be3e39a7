// SPDX-License-Identifier: MIT
#include "msgraph/models/model_difference.hpp"

#include "models/model_diff.hpp"

namespace msgraph::models {

namespace {

template <typename Model>
Difference<Model> differenceOf(const Model& desired, const Model& current) {
  Difference<Model> result;
  detail::diffModel(desired, current, result.patch, result.changed);
  return result;
}

}  // namespace

Difference<IdentitySyncPolicyPartner> difference(const IdentitySyncPolicyPartner& desired,
                                                 const IdentitySyncPolicyPartner& current) {
  return differenceOf(desired, current);
}

Difference<CrossTenantAccessPolicyConfigurationPartner> difference(
    const CrossTenantAccessPolicyConfigurationPartner& desired,
    const CrossTenantAccessPolicyConfigurationPartner& current) {
  return differenceOf(desired, current);
}

}  // namespace msgraph::models
