// SPDX-License-Identifier: MIT
#include "fleet/plan_printer.hpp"

#include <cstdint>
#include <iostream>
#include <string_view>

#include "msgraph/json/json.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli::fleet {

namespace {

using msgraph::Json;

constexpr std::string_view kPartners = "/policies/crossTenantAccessPolicy/partners";

char actionSign(PlanAction action) {
  switch (action) {
    case PlanAction::Create:
      return '+';
    case PlanAction::Update:
      return '~';
    case PlanAction::Unchanged:
      return '=';
    case PlanAction::Remove:
      return '-';
  }
  return '?';
}

bool hasWrite(const PlanItem& item, WriteKind kind) {
  for (const PlannedWrite& write : item.writes) {
    if (write.kind == kind) return true;
  }
  return false;
}

// What a create or a removal touches, for its headline.
std::string_view scope(const PlanItem& item) {
  if (item.action == PlanAction::Create) {
    if (!hasWrite(item, WriteKind::CreatePartner)) return " (policy)";
    return hasWrite(item, WriteKind::PutPolicy) ? " (partner and policy)" : " (partner)";
  }
  if (item.action == PlanAction::Remove) {
    return hasWrite(item, WriteKind::DeletePolicy) ? " (policy, then partner)" : " (partner)";
  }
  return "";
}

// `/userSyncInbound/isSyncAllowed` as `userSyncInbound.isSyncAllowed`.
std::string dotted(const std::string& pointer) {
  std::string name = pointer.substr(pointer.rfind('/', 0) == 0 ? 1 : 0);
  for (char& c : name) {
    if (c == '/') c = '.';
  }
  return name;
}

std::string shown(const std::optional<Json>& value) {
  return value ? terminalSafeJson(value->dump()) : "(absent)";
}

// A created resource's properties are shown with their values, a changed one's as
// `before -> after`.
void printChanges(const std::vector<PropertyChange>& changes, std::string_view prefix,
                  bool created) {
  for (const PropertyChange& change : changes) {
    std::cout << "    " << prefix << terminalSafe(dotted(change.pointer)) << ": ";
    if (!created) std::cout << shown(change.before) << " -> ";
    std::cout << shown(change.after) << '\n';
  }
}

Json changesJson(const std::vector<PropertyChange>& changes) {
  Json array = Json::array();
  for (const PropertyChange& change : changes) {
    Json object = Json::object();
    object.set("pointer", change.pointer);
    if (change.before) object.set("before", *change.before);
    if (change.after) object.set("after", *change.after);
    array.asArray().push_back(std::move(object));
  }
  return array;
}

// The request a write is: its method and its path under the service root, the partner id as
// it is (not percent-encoded).
Json writeJson(const PlannedWrite& write, const std::string& partnerTenantId) {
  const std::string partner = std::string(kPartners) + "/" + partnerTenantId;
  const std::string policy = partner + "/identitySynchronization";
  const auto [method, path] = [&]() -> std::pair<const char*, std::string> {
    switch (write.kind) {
      case WriteKind::CreatePartner:
        return {"POST", std::string(kPartners)};
      case WriteKind::PatchPartner:
        return {"PATCH", partner};
      case WriteKind::PutPolicy:
        return {"PUT", policy};
      case WriteKind::PatchPolicy:
        return {"PATCH", policy};
      case WriteKind::DeletePolicy:
        return {"DELETE", policy};
      case WriteKind::DeletePartner:
        return {"DELETE", partner};
    }
    return {"", ""};
  }();
  Json object = Json::object();
  object.set("method", method);
  object.set("path", path);
  if (!write.body.empty()) object.set("body", Json::parse(write.body));
  return object;
}

Json countJson(std::size_t count) { return Json(static_cast<std::int64_t>(count)); }

}  // namespace

void PlanPrinter::print(const PlanItem& item) {
  counts_.add(item);
  if (item.action == PlanAction::Unchanged && !showUnchanged_) return;
  if (format_ == OutputFormat::Json) {
    printJson(item);
  } else {
    printText(item);
  }
}

void PlanPrinter::printText(const PlanItem& item) const {
  std::cout << actionSign(item.action) << ' ' << planActionName(item.action) << ' '
            << terminalSafe(item.partnerTenantId) << scope(item);
  if (!item.tenant.empty()) std::cout << " (tenant " << terminalSafe(item.tenant) << ')';
  std::cout << '\n';
  printChanges(item.partnerChanges, "partner ", hasWrite(item, WriteKind::CreatePartner));
  printChanges(item.policyChanges, "", hasWrite(item, WriteKind::PutPolicy));
}

void PlanPrinter::printJson(const PlanItem& item) const {
  Json object = Json::object();
  object.set("action", std::string(planActionName(item.action)));
  object.set("partnerTenantId", item.partnerTenantId);
  if (!item.tenant.empty()) object.set("tenant", item.tenant);
  if (item.line != 0) object.set("line", countJson(item.line));
  object.set("partnerChanges", changesJson(item.partnerChanges));
  object.set("policyChanges", changesJson(item.policyChanges));
  Json writesArray = Json::array();
  for (const PlannedWrite& write : item.writes) {
    writesArray.asArray().push_back(writeJson(write, item.partnerTenantId));
  }
  object.set("writes", std::move(writesArray));
  std::cout << terminalSafeJson(object.dump()) << '\n';
}

PlanCounts PlanPrinter::finish(std::size_t badLines) {
  counts_.badLines = badLines;
  if (format_ == OutputFormat::Json) {
    Json summary = Json::object();
    summary.set("create", countJson(counts_.create));
    summary.set("update", countJson(counts_.update));
    summary.set("unchanged", countJson(counts_.unchanged));
    summary.set("remove", countJson(counts_.remove));
    summary.set("badLines", countJson(counts_.badLines));
    Json object = Json::object();
    object.set("summary", std::move(summary));
    std::cout << object.dump() << '\n';
  } else {
    std::cout << "Plan: " << counts_.create << " to create, " << counts_.update << " to update, "
              << counts_.unchanged << " unchanged, " << counts_.remove << " to remove, "
              << counts_.badLines << (counts_.badLines == 1 ? " bad line" : " bad lines") << '\n';
  }
  return counts_;
}

}  // namespace msgraph_cli::fleet
