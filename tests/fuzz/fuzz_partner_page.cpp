// SPDX-License-Identifier: MIT
// A page of partner configurations, as Graph (or a hostile server) sends it: Page::fromJson either
// throws DeserializationError or gives items that each read back equal from their own JSON, and
// a next link that is a string.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "msgraph/error.hpp"
#include "msgraph/models/cross_tenant_access_policy_configuration_partner.hpp"
#include "msgraph/requests/page.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using Partner = msgraph::models::CrossTenantAccessPolicyConfigurationPartner;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  msgraph::Page<Partner> page;
  try {
    page = msgraph::Page<Partner>::fromJson(input);
  } catch (const msgraph::DeserializationError&) {
    return 0;
  }
  for (const Partner& partner : page.value) {
    msgraph_fuzz::check(Partner::fromJson(partner.toJson()) == partner, "a page item round-trips");
  }
  return 0;
}
