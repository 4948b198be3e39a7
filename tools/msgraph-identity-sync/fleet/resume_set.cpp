// SPDX-License-Identifier: MIT
#include "fleet/resume_set.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "cli_error.hpp"
#include "msgraph/error.hpp"
#include "msgraph/json/json.hpp"

namespace msgraph_cli::fleet {

namespace {

const std::string* stringMember(const msgraph::Json& object, std::string_view key) {
  const msgraph::Json* value = object.find(key);
  return value != nullptr && value->isString() ? &value->asString() : nullptr;
}

}  // namespace

ResumeSet ResumeSet::read(const std::string& path, const BadRecordSink& onBadRecord) {
  ResumeSet set;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (errno == ENOENT) return set;
    throw UsageError("--resume: cannot read '" + path + "': " + std::strerror(errno));
  }
  std::string text;
  for (std::size_t line = 1; std::getline(in, text); ++line) {
    if (text.empty()) continue;
    try {
      const msgraph::Json record = msgraph::Json::parse(text);
      if (!record.isObject()) throw msgraph::Error("not a JSON object");
      const std::string* outcome = stringMember(record, "outcome");
      const std::string* tenant = stringMember(record, "tenant");
      const std::string* partner = stringMember(record, "partnerTenantId");
      if (outcome == nullptr || tenant == nullptr || partner == nullptr) {
        throw msgraph::Error("lacks outcome, tenant or partnerTenantId");
      }
      // The last record of a partner says how it stands (a later run may have failed it).
      if (*outcome == "done") {
        set.done_.insert(key(*tenant, *partner));
      } else {
        set.done_.erase(key(*tenant, *partner));
      }
    } catch (const std::exception& e) {
      onBadRecord(line, e.what());
    }
  }
  if (in.bad()) throw UsageError("--resume: cannot read '" + path + "'");
  return set;
}

bool ResumeSet::isDone(const std::string& tenant, const std::string& partnerTenantId) const {
  return done_.count(key(tenant, partnerTenantId)) != 0;
}

std::string ResumeSet::key(const std::string& tenant, const std::string& partnerTenantId) {
  // Tenant and partner ids hold no newline (both are checked ids), so it separates them.
  return tenant + '\n' + partnerTenantId;
}

}  // namespace msgraph_cli::fleet
