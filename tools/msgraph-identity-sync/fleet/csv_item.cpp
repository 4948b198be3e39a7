// SPDX-License-Identifier: MIT
#include "fleet/csv_item.hpp"

#include <string_view>

#include "fleet/item_checks.hpp"
#include "msgraph/ascii.hpp"

namespace msgraph_cli::fleet {

namespace {

constexpr std::array<std::string_view, 5> kNames = {
    "partnerTenantId", "displayName", "isSyncAllowed", "tenant", "inboundUserConsent"};

// An empty cell is absent; otherwise `true` or `false`, ASCII case ignored.
std::optional<bool> booleanCell(const std::string* text, std::string_view column) {
  if (text == nullptr || text->empty()) return std::nullopt;
  if (msgraph::asciiEqualsIgnoreCase(*text, "true")) return true;
  if (msgraph::asciiEqualsIgnoreCase(*text, "false")) return false;
  throw BadLineError(std::string(column), "must be true or false (or empty), not '" + *text + "'");
}

}  // namespace

CsvColumns::CsvColumns(const CsvRecord& header) : width_(header.fields.size()) {
  if (header.error) throw BadLineError("header", *header.error);
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::size_t column = 0;
    while (column < kColumns && !msgraph::asciiEqualsIgnoreCase(header.fields[i], kNames[column])) {
      ++column;
    }
    if (column == kColumns) {
      throw BadLineError("header", "unknown column '" + header.fields[i] +
                                       "'; the columns are partnerTenantId, displayName, "
                                       "isSyncAllowed, tenant and inboundUserConsent");
    }
    if (index_[column]) {
      throw BadLineError("header", "the column " + std::string(kNames[column]) + " is repeated");
    }
    index_[column] = i;
  }
  for (const Column required : {kPartnerTenantId, kDisplayName, kIsSyncAllowed}) {
    if (!index_[required]) {
      throw BadLineError("header", "the column " + std::string(kNames[required]) + " is missing");
    }
  }
}

const std::string* CsvColumns::cell(const CsvRecord& record, Column column) const {
  return index_[column] ? &record.fields[*index_[column]] : nullptr;
}

DesiredItem CsvColumns::read(const CsvRecord& record) const {
  if (record.error) throw BadLineError("line", *record.error);
  if (record.fields.size() != width_) {
    throw BadLineError("line", "has " + std::to_string(record.fields.size()) +
                                   " fields, and the header has " + std::to_string(width_));
  }
  DesiredItem item;
  item.line = record.line;
  const std::string& partnerTenantId = *cell(record, kPartnerTenantId);
  checkId(partnerTenantId, "partnerTenantId");
  item.partner.tenantId = partnerTenantId;
  if (const std::string* tenant = cell(record, kTenant); tenant != nullptr && !tenant->empty()) {
    checkId(*tenant, "tenant");
    item.tenant = *tenant;
  }
  const std::string& displayName = *cell(record, kDisplayName);
  const std::optional<bool> sync = booleanCell(cell(record, kIsSyncAllowed), "isSyncAllowed");
  if (!displayName.empty() || sync) {
    auto& policy = item.policy.emplace();
    if (!displayName.empty()) policy.displayName = displayName;
    if (sync) policy.userSyncInbound.emplace().isSyncAllowed = *sync;
  }
  if (const std::optional<bool> consent =
          booleanCell(cell(record, kInboundUserConsent), "inboundUserConsent")) {
    item.partner.automaticUserConsentSettings.emplace().inboundAllowed = *consent;
  }
  checkWritable(item);
  return item;
}

}  // namespace msgraph_cli::fleet
