// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "arguments.hpp"
#include "fleet/plan.hpp"

namespace msgraph_cli::fleet {

/// Prints a plan on stdout as it is made, an item at a time.
///
/// Text (the default), one line a partner and one indented line a property, every value
/// JSON-quoted and everything the tool did not write through terminal_text:
/// ```
/// + create 5f0e... (partner and policy)
///     displayName: "Fabrikam"
/// ~ update 5f0e...
///     displayName: "A" -> "B"
///     partner automaticUserConsentSettings.inboundAllowed: false -> true
/// = unchanged 5f0e...
/// - remove 5f0e... (policy, then partner)
/// Plan: 1 to create, 1 to update, 1 unchanged, 1 to remove, 0 bad lines
/// ```
/// A partner of a named tenant is followed by `(tenant T)`. With `--output json`: JSON Lines,
/// one object a partner (`action`, `partnerTenantId`, `tenant`, `line`, `partnerChanges`,
/// `policyChanges`, `writes`), then `{"summary": {...}}`.
class PlanPrinter {
 public:
  /// `showUnchanged`: false for drift, which prints only what differs.
  PlanPrinter(OutputFormat format, bool showUnchanged)
      : format_(format), showUnchanged_(showUnchanged) {}

  /// Prints `item` and counts it.
  void print(const PlanItem& item);
  /// Prints the summary line with `badLines`; returns the counts.
  PlanCounts finish(std::size_t badLines);

 private:
  void printText(const PlanItem& item) const;
  void printJson(const PlanItem& item) const;

  OutputFormat format_;
  bool showUnchanged_;
  PlanCounts counts_;
};

}  // namespace msgraph_cli::fleet
