// SPDX-License-Identifier: MIT
#include "state/persistence.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "identity/app_roles.hpp"
#include "msgraph/error.hpp"
#include "state/atomic_file.hpp"
#include "support/ascii.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

// The file's layout. `formatVersion` lets a later emulator read files written by this one.
// Version 2 added app certificates, apps without a secret, and tenants; version 3 added app
// roles; version 4 added the deleted policies; version 5 keeps partners and deleted policies per
// tenant (`policies`) and adds `tenantAliases`. Older files are still read, while an emulator that
// knows only an older version refuses a newer file instead of silently dropping what it cannot keep
// (certificates; roles, whose loss would give an app full access).
constexpr int kFormatVersion = 5;
constexpr int kFirstPerTenantVersion = 5;
constexpr int kOldestFormatVersion = 1;

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what) {
  throw std::runtime_error("data file " + file.string() + ": " + what);
}

// Certificates are kept as their PEM text, the form they were registered in.
Json appToJson(const AppRegistration& app) {
  Json record = Json::object();
  if (app.clientSecret) record.set("clientSecret", *app.clientSecret);
  Json certificates = Json::array();
  for (const RegisteredCertificate& certificate : app.certificates) {
    certificates.asArray().emplace_back(certificate.pem);
  }
  record.set("certificates", std::move(certificates));
  if (!app.roles.empty()) {
    Json roles = Json::array();
    for (const std::string& role : app.roles) roles.asArray().emplace_back(role);
    record.set("roles", std::move(roles));
  }
  return record;
}

Json policiesToJson(const TenantPolicies& policies) {
  JsonObject partners;
  for (const auto& [id, partner] : policies.partners) {
    JsonObject record{{"configuration", partner.configuration}};
    if (partner.policy) {
      record.set("identitySynchronization",
                 Json::object(
                     {{"etag", partner.policy->etag}, {"properties", partner.policy->properties}}));
    }
    partners.set(id, std::move(record));
  }
  JsonObject deleted;
  for (const auto& [id, policy] : policies.deletedPolicies) {
    deleted.set(id,
                Json::object({{"deletedAt", policy.deletedAt}, {"properties", policy.properties}}));
  }
  return Json::object({{"partners", std::move(partners)}, {"deletedPolicies", std::move(deleted)}});
}

Json toJson(const State& state) {
  JsonObject policies;
  for (const auto& [tenant, tenantPolicies] : state.policies) {
    if (!tenantPolicies.empty()) policies.set(tenant, policiesToJson(tenantPolicies));
  }
  JsonObject apps;
  for (const auto& [clientId, app] : state.apps) apps.set(clientId, appToJson(app));
  Json tenants = Json::array();
  for (const std::string& tenant : state.tenants.names) tenants.asArray().emplace_back(tenant);
  JsonObject aliases;
  for (const auto& [alias, tenant] : state.tenants.aliases) aliases.set(alias, tenant);
  return Json::object({{"formatVersion", kFormatVersion},
                       {"etagCounter", state.etagCounter},
                       {"policies", std::move(policies)},
                       {"apps", std::move(apps)},
                       {"tenants", std::move(tenants)},
                       {"tenantAliases", std::move(aliases)}});
}

const Json& member(const std::filesystem::path& file, const Json& object, std::string_view key,
                   Json::Type type, const std::string& where) {
  const Json* value = object.find(key);
  if (value == nullptr || value->type() != type) {
    fail(file, where + "/" + std::string(key) + " is missing or has the wrong type");
  }
  return *value;
}

PartnerRecord partnerFromJson(const std::filesystem::path& file, const std::string& where,
                              const Json& record) {
  if (!record.isObject()) fail(file, where + " is not an object");
  PartnerRecord partner;
  partner.configuration =
      member(file, record, "configuration", Json::Type::Object, where).asObject();
  if (const Json* policy = record.find("identitySynchronization")) {
    const std::string policyWhere = where + "/identitySynchronization";
    if (!policy->isObject()) fail(file, policyWhere + " is not an object");
    partner.policy = PolicyRecord{
        member(file, *policy, "properties", Json::Type::Object, policyWhere).asObject(),
        member(file, *policy, "etag", Json::Type::String, policyWhere).asString()};
  }
  return partner;
}

DeletedPolicyRecord deletedFromJson(const std::filesystem::path& file, const std::string& where,
                                    const Json& record) {
  if (!record.isObject()) fail(file, where + " is not an object");
  return DeletedPolicyRecord{
      member(file, record, "properties", Json::Type::Object, where).asObject(),
      member(file, record, "deletedAt", Json::Type::Int, where).asInt()};
}

// The array member `key` (absent in older files: an empty array then), all strings.
std::vector<std::string> stringsOf(const std::filesystem::path& file, const Json& object,
                                   std::string_view key, const std::string& where) {
  std::vector<std::string> strings;
  const Json* array = object.find(key);
  if (array == nullptr) return strings;
  const std::string path = where + "/" + std::string(key);
  if (!array->isArray()) fail(file, path + " is not an array");
  for (const Json& item : array->asArray()) {
    if (!item.isString()) fail(file, path + " holds a value that is not a string");
    strings.push_back(item.asString());
  }
  return strings;
}

AppRegistration appFromJson(const std::filesystem::path& file, const std::string& clientId,
                            const Json& record) {
  const std::string where = "/apps/" + clientId;
  if (!record.isObject()) fail(file, where + " is not an object");
  AppRegistration app;
  if (record.find("clientSecret") != nullptr) {
    app.clientSecret = member(file, record, "clientSecret", Json::Type::String, where).asString();
  }
  const std::vector<std::string> pems = stringsOf(file, record, "certificates", where);
  for (std::size_t i = 0; i < pems.size(); ++i) {
    try {
      app.certificates.push_back(certificateFromPem(pems[i]));
    } catch (const std::runtime_error& e) {
      fail(file, where + "/certificates/" + std::to_string(i) + ": " + e.what());
    }
  }
  app.roles = stringsOf(file, record, "roles", where);
  for (const std::string& role : app.roles) {
    if (!isKnownAppRole(role)) fail(file, where + "/roles holds an unknown role '" + role + "'");
  }
  return app;
}

// The partners and deleted policies of `object` (`where`: its path in the file), as one
// tenant's; `deletedPolicies` is absent before version 4.
TenantPolicies policiesFromJson(const std::filesystem::path& file, const Json& object,
                                const std::string& where) {
  TenantPolicies policies;
  for (const auto& [id, record] :
       member(file, object, "partners", Json::Type::Object, where).asObject()) {
    policies.partners.emplace(id, partnerFromJson(file, where + "/partners/" + id, record));
  }
  if (object.find("deletedPolicies") != nullptr) {
    for (const auto& [id, record] :
         member(file, object, "deletedPolicies", Json::Type::Object, where).asObject()) {
      policies.deletedPolicies.emplace(
          id, deletedFromJson(file, where + "/deletedPolicies/" + id, record));
    }
  }
  return policies;
}

TenantDirectory tenantsFromJson(const std::filesystem::path& file, const Json& root) {
  TenantDirectory tenants;
  tenants.names = stringsOf(file, root, "tenants", "");
  if (root.find("tenantAliases") == nullptr) return tenants;  // absent before version 5
  for (const auto& [alias, tenant] :
       member(file, root, "tenantAliases", Json::Type::Object, "").asObject()) {
    const std::string where = "/tenantAliases/" + alias;
    if (!tenant.isString()) fail(file, where + " is not a string");
    if (alias != toLowerAscii(alias) || tenant.asString() != toLowerAscii(tenant.asString())) {
      fail(file, where + ": aliases and the tenants they name are kept in lower case");
    }
    tenants.aliases.emplace(alias, tenant.asString());
  }
  return tenants;
}

// Version 5 on: the policies of each tenant, by tenant key.
void readPerTenant(const std::filesystem::path& file, const Json& root, State& state) {
  for (const auto& [tenant, record] :
       member(file, root, "policies", Json::Type::Object, "").asObject()) {
    const std::string where = "/policies/" + tenant;
    if (!record.isObject()) fail(file, where + " is not an object");
    if (tenant != state.tenants.keyOf(tenant)) {
      fail(file, where + ": a tenant's key is its name in lower case, never an alias");
    }
    state.policies.emplace(tenant, policiesFromJson(file, record, where));
  }
}

// Before version 5 one store served every tenant: it becomes the policies of the file's first
// tenant or, when the file names none, of `legacyOwner` (the first --tenant). With neither, a
// store that holds anything is refused rather than given to a tenant nobody chose.
void readSharedStore(const std::filesystem::path& file, const Json& root,
                     const std::optional<std::string>& legacyOwner, State& state) {
  TenantPolicies shared = policiesFromJson(file, root, "");
  if (shared.empty()) return;
  const std::optional<std::string> owner =
      state.tenants.names.empty() ? legacyOwner : state.tenants.names.front();
  if (!owner) {
    fail(file, "its partners and deleted policies (format version " +
                   std::to_string(root.find("formatVersion")->asInt()) +
                   ", one store for every tenant) belong to no tenant it names: give --tenant "
                   "NAME to say whose they are (the first --tenant gets them)");
  }
  state.policies.emplace(state.tenants.keyOf(*owner), std::move(shared));
}

State fromJson(const std::filesystem::path& file, const Json& root,
               const std::optional<std::string>& legacyOwner) {
  if (!root.isObject()) fail(file, "the document is not a JSON object");
  const Json* version = root.find("formatVersion");
  if (version == nullptr || version->type() != Json::Type::Int ||
      version->asInt() < kOldestFormatVersion || version->asInt() > kFormatVersion) {
    fail(file, "/formatVersion must be from " + std::to_string(kOldestFormatVersion) + " to " +
                   std::to_string(kFormatVersion));
  }
  State state;
  const Json* counter = root.find("etagCounter");
  if (counter == nullptr || counter->type() != Json::Type::Int || counter->asInt() < 0) {
    fail(file, "/etagCounter must be a non-negative integer");
  }
  state.etagCounter = static_cast<std::uint64_t>(counter->asInt());
  for (const auto& [clientId, app] :
       member(file, root, "apps", Json::Type::Object, "").asObject()) {
    state.apps.emplace(clientId, appFromJson(file, clientId, app));
  }
  state.tenants = tenantsFromJson(file, root);
  if (version->asInt() >= kFirstPerTenantVersion) {
    readPerTenant(file, root, state);
  } else {
    readSharedStore(file, root, legacyOwner, state);
  }
  return state;
}

}  // namespace

State loadState(const std::filesystem::path& file, const std::optional<std::string>& legacyOwner) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (!std::filesystem::exists(file)) return State{};
    fail(file, "cannot be opened for reading");
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return fromJson(file, Json::parse(text.str()), legacyOwner);
  } catch (const msgraph::DeserializationError& e) {
    fail(file, std::string("not valid JSON: ") + e.what());
  }
}

void saveState(const std::filesystem::path& file, const State& state) {
  try {
    replaceFileAtomically(file, toJson(state).dump(true) + "\n");
  } catch (const std::runtime_error& e) {
    fail(file, e.what());
  }
}

}  // namespace emulator
