// SPDX-License-Identifier: MIT
// Models read whatever Graph (or a user) sends: fromJson either throws DeserializationError or
// gives a model whose toJson() reads back to an equal model and serializes to the same bytes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "msgraph/error.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/models/identity.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/models/user_sync_inbound.hpp"

namespace {

template <typename Model>
void roundTrip(std::string_view input) {
  Model model;
  try {
    model = Model::fromJson(input);
  } catch (const msgraph::DeserializationError&) {
    return;
  }
  // A parsed model cannot hold an additionalProperties key that collides with a typed one, so
  // writing it must not throw: any exception from here on escapes and is a finding.
  const std::string json = model.toJson();
  const Model again = Model::fromJson(json);
  msgraph_fuzz::check(again == model, "fromJson(toJson(m)) == m");
  msgraph_fuzz::check(again.toJson() == json, "toJson is stable across a round trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  roundTrip<msgraph::models::IdentitySyncPolicyPartner>(input);
  roundTrip<msgraph::models::Identity>(input);
  roundTrip<msgraph::models::UserSyncInbound>(input);
  roundTrip<msgraph::models::CrossTenantAccessPolicyConfigurationPartner>(input);
  return 0;
}
