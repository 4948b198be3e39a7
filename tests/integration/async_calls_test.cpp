// SPDX-License-Identifier: MIT
// sendAsync() against the emulator over HTTPS: for every verb, the async call (on the client's
// CurlMultiTransport) returns what the blocking send() returns for the same request in the same
// state: status, value, error type, status and code, attempts. Writes are made blocking first,
// undone, then made async, so both meet the same state.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "integration/emulator.hpp"

using testing_support::Emulator;
namespace models = msgraph::models;

namespace {

const std::string kPartner = "3f6c1d2e-8a9b-4c7d-9e0f-1a2b3c4d5e6f";
const std::string kOtherPartner = "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";

models::IdentitySyncPolicyPartner policyNamed(const std::string& name) {
  models::IdentitySyncPolicyPartner policy;
  policy.displayName = name;
  policy.userSyncInbound.emplace().isSyncAllowed = true;
  return policy;
}

models::CrossTenantAccessPolicyConfigurationPartner partnerWithId(const std::string& id) {
  models::CrossTenantAccessPolicyConfigurationPartner partner;
  partner.tenantId = id;
  return partner;
}

// The parts of a value that must agree: the deletion time of a restored policy is the time of
// its own deletion, which differs between the two deletions the test makes.
template <typename V>
V comparable(V value) {
  if constexpr (std::is_same_v<V, models::IdentitySyncPolicyPartner>) {
    value.deletedDateTime = {};
  }
  return value;
}

template <typename V>
void requireSameBody(const V& blocking, const V& async) {
  CHECK(comparable(blocking) == comparable(async));
}

// Pages: the same items; the next links name the same place.
template <typename U>
void requireSameBody(const msgraph::Page<U>& blocking, const msgraph::Page<U>& async) {
  CHECK(blocking.value == async.value);
  CHECK(blocking.nextLink == async.nextLink);
}

template <typename T>
void requireSameValue(const msgraph::Response<T>& blocking, const msgraph::Response<T>& async) {
  if constexpr (!std::is_void_v<T>) {
    REQUIRE(blocking.value.has_value() == async.value.has_value());
    if (blocking.value) requireSameBody(*blocking.value, *async.value);
  }
}

// The same outcome: both succeed alike, or fail with the same error.
template <typename T>
void requireSame(const msgraph::Result<msgraph::Response<T>>& blocking,
                 const msgraph::Result<msgraph::Response<T>>& async) {
  REQUIRE(blocking.ok() == async.ok());
  if (!blocking.ok()) {
    CHECK(typeid(blocking.error()) == typeid(async.error()));
    CHECK(blocking.error().attempts().size() == async.error().attempts().size());
    const auto* a = dynamic_cast<const msgraph::ServiceError*>(&blocking.error());
    const auto* b = dynamic_cast<const msgraph::ServiceError*>(&async.error());
    REQUIRE((a == nullptr) == (b == nullptr));
    if (a != nullptr) {
      CHECK(a->status() == b->status());
      CHECK(a->code() == b->code());
      CHECK(a->message() == b->message());
    }
    return;
  }
  CHECK(blocking.value().status == async.value().status);
  CHECK(blocking.value().attempts.size() == async.value().attempts.size());
  CHECK(blocking.value().headers.get("Content-Type") == async.value().headers.get("Content-Type"));
  requireSameValue(blocking.value(), async.value());
}

// Sends `request` blocking, runs `undo` (blocking) so the state is as before, then sends the
// same request async; both must agree. Returns the async result's status (0 for an error).
template <typename Request, typename Undo>
int sameBothWays(const Request& request, Undo undo) {
  auto blocking = request.send();
  undo();
  auto async = request.sendAsync().get();
  requireSame(blocking, async);
  return async.ok() ? async.value().status : 0;
}

template <typename Request>
int sameBothWays(const Request& request) {
  return sameBothWays(request, [] {});
}

}  // namespace

TEST_CASE("every verb gives the same result async as blocking", "[integration][async][threads]") {
  Emulator emulator;
  const auto client = emulator.client(msgraph::ApiVersion::Beta);
  const auto partners = client.policies().crossTenantAccessPolicy().partners();
  const auto partner = client.policies().crossTenantAccessPolicy().partners(kPartner);
  const auto sync = partner.identitySynchronization();
  const auto deleted = client.policies().deletedItems().crossTenantSyncPolicyPartners(kPartner);

  CHECK(sameBothWays(partner.get()) == 0);  // 404: not there yet
  CHECK(sameBothWays(partners.create(partnerWithId(kPartner)),
                     [&] { partner.remove().execute(); }) == 201);
  CHECK(sameBothWays(partners.create(partnerWithId(kPartner))) == 0);  // 409
  CHECK(sameBothWays(partner.get()) == 200);
  models::CrossTenantAccessPolicyConfigurationPartner consent;
  consent.automaticUserConsentSettings.emplace().inboundAllowed = true;
  CHECK(sameBothWays(partner.patch(consent)) == 204);
  CHECK(sameBothWays(partner.get().select({"tenantId", "automaticUserConsentSettings"})) == 200);

  CHECK(sameBothWays(sync.get()) == 0);  // 404: no policy yet
  CHECK(sameBothWays(sync.put(policyNamed("Fabrikam")), [&] { sync.remove().execute(); }) == 204);
  CHECK(sameBothWays(sync.put(policyNamed("Fabrikam"))) == 0);  // 409: PUT creates only
  CHECK(sameBothWays(sync.get()) == 200);
  CHECK(sameBothWays(sync.get().select({"displayName"})) == 200);
  models::IdentitySyncPolicyPartner rename;
  rename.displayName = "Fabrikam Europe";
  CHECK(sameBothWays(sync.patch(rename)) == 204);
  CHECK(sameBothWays(partners.list()) == 200);
  CHECK(sameBothWays(partners.list().expand({"identitySynchronization"})) == 200);

  CHECK(sameBothWays(sync.remove(), [&] { sync.put(policyNamed("Fabrikam Europe")).execute(); }) ==
        204);
  CHECK(sameBothWays(client.policies().deletedItems().crossTenantSyncPolicyPartners().list()) ==
        200);
  CHECK(sameBothWays(deleted.restore(), [&] { sync.remove().execute(); }) == 200);
  sync.remove().execute();  // the restored policy deleted again, to delete it for good
  CHECK(sameBothWays(deleted.remove(), [&] {
          sync.put(policyNamed("Again")).execute();
          sync.remove().execute();
        }) == 204);
  CHECK(sameBothWays(deleted.remove()) == 0);  // 404: gone for good
  CHECK(sameBothWays(partner.remove(),
                     [&] { partners.create(partnerWithId(kPartner)).execute(); }) == 204);
  CHECK(sameBothWays(partner.remove()) == 0);  // 404: gone
}

TEST_CASE("pages of a listing come async as they come blocking", "[integration][async][threads]") {
  Emulator emulator;
  const auto client = emulator.client();
  const auto partners = client.policies().crossTenantAccessPolicy().partners();
  for (const auto& id : {kPartner, kOtherPartner, std::string("partner-3")}) {
    partners.create(partnerWithId(id)).execute();
  }
  auto blocking = partners.list().top(2).pages();
  auto async = partners.list().top(2).pages();
  int pages = 0;
  while (blocking.hasNext()) {
    REQUIRE(async.hasNext());
    auto pending = async.nextAsync();
    auto second = async.nextAsync();  // one page at a time
    CHECK(dynamic_cast<const msgraph::ValidationError*>(&second.get().error()) != nullptr);
    requireSame(blocking.next(), pending.get());
    ++pages;
  }
  CHECK_FALSE(async.hasNext());
  CHECK(pages == 2);
}

TEST_CASE("ensure gives the same result async as blocking",
          "[integration][async][ensure][threads]") {
  Emulator emulator;
  const auto client = emulator.client();
  const auto partners = client.policies().crossTenantAccessPolicy().partners();
  const auto sync = partners.ensure(partnerWithId(kPartner), policyNamed("Fabrikam"));
  const auto policy =
      client.policies().crossTenantAccessPolicy().partners(kPartner).identitySynchronization();
  auto requireSameEnsure = [](const msgraph::Result<msgraph::EnsureResult>& blocking,
                              const msgraph::Result<msgraph::EnsureResult>& async) {
    REQUIRE(blocking.ok());
    REQUIRE(async.ok());
    CHECK(blocking.value().outcome == async.value().outcome);
    CHECK(blocking.value().changed == async.value().changed);
    CHECK(blocking.value().partnerCreated == async.value().partnerCreated);
    CHECK(blocking.value().attempts.size() == async.value().attempts.size());
  };
  auto created = sync.send();  // partner POST, policy PUT
  policy.remove().execute();
  client.policies().crossTenantAccessPolicy().partners(kPartner).remove().execute();
  auto createdAsync = sync.sendAsync().get();
  requireSameEnsure(created, createdAsync);
  CHECK(createdAsync.value().partnerCreated);
  CHECK(createdAsync.value().outcome == msgraph::EnsureOutcome::Created);

  requireSameEnsure(sync.send(), sync.sendAsync().get());  // nothing to do
  auto renamed = policy.ensure(policyNamed("Renamed")).send();
  policy.patch(policyNamed("Fabrikam")).execute();
  auto renamedAsync = policy.ensure(policyNamed("Renamed")).sendAsync().get();
  requireSameEnsure(renamed, renamedAsync);
  CHECK(renamedAsync.value().outcome == msgraph::EnsureOutcome::Updated);
  CHECK(policy.get().execute().value->displayName == "Renamed");
}
