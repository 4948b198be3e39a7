// SPDX-License-Identifier: MIT
#include "graph/partner_listing.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "graph/api_version.hpp"
#include "graph/graph_responses.hpp"
#include "graph/odata.hpp"
#include "graph/policy_document.hpp"
#include "graph/skip_token.hpp"
#include "msgraph/ascii.hpp"
#include "support/url.hpp"

namespace emulator {
namespace {

using msgraph::Json;
using msgraph::JsonObject;

constexpr std::size_t kMaxTop = 999;  // Graph's usual $top ceiling; undocumented here

struct PageQuery {
  std::size_t top = kDefaultPartnerPageSize;
  std::optional<std::string> after;  // the last tenant id of the previous page
  std::vector<std::string> select;
  bool expandPolicy = false;
  std::string selectText;  // as given, for the next link
};

std::optional<std::string> readQuery(const std::string& rawQuery, PageQuery& query) {
  const std::optional<FormFields> fields = parseFormEncoded(rawQuery);
  if (!fields) return "The query string has a malformed %-escape.";
  if (const std::string* top = findField(*fields, "$top")) {
    if (top->empty() || top->size() > 3 ||
        top->find_first_not_of("0123456789") != std::string::npos || std::stoul(*top) < 1 ||
        std::stoul(*top) > kMaxTop) {
      return "Invalid value '" + *top + "' for $top: expected an integer from 1 to 999.";
    }
    query.top = std::stoul(*top);
  }
  if (const std::string* token = findField(*fields, "$skiptoken")) {
    query.after = keyOfSkipToken(*token);
    if (!query.after) return "The $skiptoken is not valid.";
  }
  if (const std::string* select = findField(*fields, "$select")) {
    query.select = splitCommaList(*select);
    query.selectText = *select;
  }
  if (const std::string* expand = findField(*fields, "$expand")) {
    if (!msgraph::asciiEqualsIgnoreCase(*expand, "identitySynchronization")) {
      return "Could not find a navigation property named '" + *expand +
             "' on type 'microsoft.graph.crossTenantAccessPolicyConfigurationPartner'.";
    }
    query.expandPolicy = true;
  }
  return std::nullopt;
}

JsonObject presentPartner(const GraphCall& call, const PageQuery& query,
                          const std::string& tenantId, const PartnerRecord& partner) {
  JsonObject out;
  for (const auto& [key, value] : partner.configuration) {
    const bool selected =
        query.select.empty() ||
        std::find(query.select.begin(), query.select.end(), key) != query.select.end();
    if (selected) out.set(key, value);
  }
  if (query.expandPolicy) {
    out.set("identitySynchronization",
            partner.policy
                ? Json(presentPolicy(partner.policy->properties, tenantId, call.version, {}))
                : Json());
  }
  return out;
}

std::string nextLink(const GraphCall& call, const PageQuery& query, const std::string& last) {
  std::string link = call.baseUrl + "/" + std::string(versionSegment(call.version)) + "/" +
                     kPartnersCollection + "?$top=" + std::to_string(query.top);
  if (!query.selectText.empty()) link += "&$select=" + percentEncodeQueryValue(query.selectText);
  if (query.expandPolicy) link += "&$expand=identitySynchronization";
  return link + "&$skiptoken=" + skipTokenAfter(last);
}

}  // namespace

ApiResponse listPartners(const GraphCall& call,
                         const std::map<std::string, PartnerRecord>& partners) {
  PageQuery query;
  if (std::optional<std::string> problem = readQuery(call.request.rawQuery, query)) {
    return graphError(call.ids, 400, "BadRequest", *problem);
  }
  // After the last key returned, not after N entries: a partner that exists throughout is on
  // exactly one page however many are added or removed between pages.
  auto it = query.after ? partners.upper_bound(*query.after) : partners.begin();
  Json::Array value;
  for (; it != partners.end() && value.size() < query.top; ++it) {
    value.emplace_back(presentPartner(call, query, it->first, it->second));
  }
  JsonObject body{{"@odata.context", odataContext(call, kPartnersCollection)}};
  if (it != partners.end()) {
    body.set("@odata.nextLink", nextLink(call, query, std::prev(it)->first));
  }
  body.set("value", std::move(value));
  ApiResponse response;
  response.setJson(body);
  return response;
}

}  // namespace emulator
