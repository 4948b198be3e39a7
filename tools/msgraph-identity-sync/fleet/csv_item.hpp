// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>

#include "fleet/csv_records.hpp"
#include "fleet/desired_item.hpp"

namespace msgraph_cli::fleet {

/// The columns of a CSV desired-state file, found by name (ASCII case ignored) in its header
/// row, in any order: `partnerTenantId`, `displayName` and `isSyncAllowed` are required,
/// `tenant` and `inboundUserConsent` are optional.
class CsvColumns {
 public:
  /// Reads the header row.
  /// @throws BadLineError naming the column that is unknown, repeated or missing.
  explicit CsvColumns(const CsvRecord& header);

  /// Reads one record: an empty `displayName`, `isSyncAllowed` or `inboundUserConsent` cell
  /// leaves that property absent (not compared, not written); `isSyncAllowed` and
  /// `inboundUserConsent` are `true` or `false`. A record with neither policy cell set
  /// desires only the partner configuration.
  /// @throws BadLineError naming the column and the reason.
  DesiredItem read(const CsvRecord& record) const;

 private:
  enum Column { kPartnerTenantId, kDisplayName, kIsSyncAllowed, kTenant, kInboundUserConsent };
  static constexpr std::size_t kColumns = 5;

  const std::string* cell(const CsvRecord& record, Column column) const;

  std::array<std::optional<std::size_t>, kColumns> index_;  // the field of each column
  std::size_t width_ = 0;                                   // fields in the header
};

}  // namespace msgraph_cli::fleet
