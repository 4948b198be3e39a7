// SPDX-License-Identifier: MIT
#include "fleet/item_checks.hpp"

#include "msgraph/error.hpp"
#include "msgraph/requests/partner_tenant_id.hpp"

namespace msgraph_cli::fleet {

std::string fieldName(const std::string& at, const std::string& pointer) {
  const std::string tail = pointer.rfind('/', 0) == 0 ? pointer.substr(1) : pointer;
  if (at.empty()) return tail.empty() ? "line" : tail;
  return tail.empty() ? at : at + "/" + tail;
}

void checkId(const std::string& id, const char* field) {
  try {
    msgraph::validatePartnerTenantId(id, field);
  } catch (const msgraph::ValidationError& error) {
    throw BadLineError(error.field(), error.reason());
  }
}

void checkWritable(const DesiredItem& item) {
  try {
    item.partner.toJson();
  } catch (const msgraph::ValidationError& error) {
    throw BadLineError(fieldName("", error.field()), error.reason());
  }
  if (!item.policy) return;
  try {
    item.policy->toJson();
  } catch (const msgraph::ValidationError& error) {
    throw BadLineError(fieldName("identitySynchronization", error.field()), error.reason());
  }
}

}  // namespace msgraph_cli::fleet
