// SPDX-License-Identifier: MIT
// The tool's desired-state reader: JSON Lines and RFC 4180 CSV, bad lines with their numbers,
// duplicates per tenant, read-only keys, and what the sign-in lets a file name.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "fleet/csv_records.hpp"
#include "fleet/desired_state.hpp"
#include "fleet/desired_state_reader.hpp"

using msgraph_cli::fleet::BadLine;
using msgraph_cli::fleet::BadLineError;
using msgraph_cli::fleet::CsvRecord;
using msgraph_cli::fleet::CsvRecords;
using msgraph_cli::fleet::DesiredFormat;
using msgraph_cli::fleet::DesiredItem;
using msgraph_cli::fleet::DesiredState;
using msgraph_cli::fleet::DesiredStateReader;
using msgraph_cli::fleet::SignIn;

namespace {

const std::string kA = "5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";
const std::string kB = "90e29127-71ad-49c7-9ce8-db3f41ea06f1";

std::vector<CsvRecord> records(const std::string& text) {
  std::istringstream in(text);
  CsvRecords reader(in);
  std::vector<CsvRecord> all;
  CsvRecord record;
  while (reader.next(record)) all.push_back(record);
  return all;
}

// Every item and every bad line of `text`, in order.
struct Read {
  std::vector<DesiredItem> items;
  std::vector<BadLine> bad;
};

// "LINE field" of each bad line, to compare at a glance.
std::vector<std::string> where(const std::vector<BadLine>& bad) {
  std::vector<std::string> places;
  for (const BadLine& line : bad) places.push_back(std::to_string(line.line) + " " + line.field);
  return places;
}

Read readAll(const std::string& text, DesiredFormat format) {
  std::istringstream in(text);
  DesiredStateReader reader(in, format);
  Read read;
  DesiredItem item;
  BadLine bad;
  for (;;) {
    const auto status = reader.next(item, bad);
    if (status == DesiredStateReader::Status::End) return read;
    if (status == DesiredStateReader::Status::Item) {
      read.items.push_back(item);
    } else {
      read.bad.push_back(bad);
    }
  }
}

}  // namespace

TEST_CASE("csv records: fields, quotes, doubled quotes, commas and line ends inside quotes",
          "[cli][csv]") {
  const auto all = records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\nlast,,");
  REQUIRE(all.size() == 3);
  CHECK(all[0].line == 1);
  CHECK(all[0].fields == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  CHECK(all[1].line == 2);
  CHECK(all[1].fields == std::vector<std::string>{"two\nlines", "x", ""});
  CHECK(all[2].line == 4);  // the quoted line end counted
  CHECK(all[2].fields == std::vector<std::string>{"last", "", ""});
  for (const auto& record : all) CHECK_FALSE(record.error);
}

TEST_CASE("csv records: blank lines are skipped and a byte order mark is not a field",
          "[cli][csv]") {
  const auto all = records("\xEF\xBB\xBFh1,h2\n\n\r\nv1,v2\n");
  REQUIRE(all.size() == 2);
  CHECK(all[0].fields == std::vector<std::string>{"h1", "h2"});
  CHECK(all[1].line == 4);
}

TEST_CASE("csv records: what breaks RFC 4180 is an error of that record only", "[cli][csv]") {
  const auto all = records("a\"b,c\n\"x\"y,z\nok,1\n\"open");
  REQUIRE(all.size() == 4);
  CHECK(all[0].error.value() == "a double quote inside a field that does not start with one");
  CHECK(all[1].error.value() == "text after the closing quote of a field");
  CHECK_FALSE(all[2].error);
  CHECK(all[3].error.value() == "a quoted field is not closed before the end of the file");
}

TEST_CASE("jsonl: a line gives the partner, its tenant, its policy and partner properties",
          "[cli][jsonl]") {
  const Read read =
      readAll(R"({"partnerTenantId":")" + kA +
                  R"(","tenant":"fabrikam.example","identitySynchronization":{"displayName":"F",)"
                  R"("userSyncInbound":{"isSyncAllowed":true},"customKey":1},)"
                  R"("automaticUserConsentSettings":{"inboundAllowed":true},"b2bSetting":{"x":1}})"
                  "\n",
              DesiredFormat::JsonLines);
  REQUIRE(read.bad.empty());
  REQUIRE(read.items.size() == 1);
  const DesiredItem& item = read.items[0];
  CHECK(item.line == 1);
  CHECK(item.tenant == "fabrikam.example");
  CHECK(item.partnerTenantId() == kA);
  REQUIRE(item.policy);
  CHECK(item.policy->toJson() ==
        R"({"displayName":"F","userSyncInbound":{"isSyncAllowed":true},"customKey":1})");
  CHECK(item.partner.toJson() == R"({"tenantId":")" + kA +
                                     R"(","automaticUserConsentSettings":{"inboundAllowed":true},)"
                                     R"("b2bSetting":{"x":1}})");
}

TEST_CASE("jsonl: keys match ignoring case, read-only keys and annotations are dropped",
          "[cli][jsonl]") {
  const Read read = readAll(R"({"PartnerTenantId":")" + kA +
                                R"(","tenantId":"x","isInMultiTenantOrganization":true,)"
                                R"("@odata.context":"c","IdentitySynchronization":)"
                                R"({"DisplayName":"F","tenantId":"y","@odata.type":"#t"}})",
                            DesiredFormat::JsonLines);
  REQUIRE(read.bad.empty());
  REQUIRE(read.items.size() == 1);
  CHECK(read.items[0].policy->toJson() == R"({"displayName":"F"})");
  CHECK(read.items[0].partner.toJson() == R"({"tenantId":")" + kA + R"("})");
}

TEST_CASE("jsonl: each bad line is reported with its number and field, the others are read",
          "[cli][jsonl]") {
  const std::string good = R"({"partnerTenantId":")" + kA + R"("})";
  const Read read = readAll(good + "\n" +                               // 1
                                "not json\n" +                          // 2
                                "[1]\n" +                               // 3
                                "{}\n" +                                // 4
                                R"({"partnerTenantId":".."})" + "\n" +  // 5
                                R"({"partnerTenantId":7})" + "\n" +     // 6
                                R"({"partnerTenantId":"p","identitySynchronization":)"
                                R"({"userSyncInbound":{"isSyncAllowed":"yes"}}})" +  // 7
                                "\n\n" +                                             // 8 blank
                                R"({"partnerTenantId":"p","tenant":""})" +
                                "\n" +  // 9
                                R"({"partnerTenantId":"p","identitySynchronization":)"
                                R"({"displayName":"a","DISPLAYNAME":"b"}})" +
                                "\n" +                                            // 10
                                R"({"partnerTenantId":")" + kB + R"("})" + "\n",  // 11
                            DesiredFormat::JsonLines);
  REQUIRE(read.items.size() == 2);
  CHECK(read.items[0].line == 1);
  CHECK(read.items[1].line == 11);
  CHECK(where(read.bad) ==
        std::vector<std::string>{"2 line", "3 line", "4 partnerTenantId", "5 partnerTenantId",
                                 "6 partnerTenantId",
                                 "7 identitySynchronization/userSyncInbound/isSyncAllowed",
                                 "9 tenant", "10 identitySynchronization"});
  REQUIRE(read.bad.size() == 8);
  CHECK(read.bad[0].reason.rfind("is not valid JSON", 0) == 0);
  CHECK(read.bad[1].reason == "must be a JSON object");
  CHECK(read.bad[2].reason == "is required");
  CHECK(read.bad[4].reason == "must be a string");
  CHECK(read.bad[7].reason.find("given twice") != std::string::npos);
}

TEST_CASE("csv: columns by name in any order, empty cells are absent", "[cli][csv]") {
  const Read read = readAll(
      "isSyncAllowed,PARTNERTENANTID,displayName,inboundUserConsent,tenant\n"
      "true," +
          kA + ",\"Fabrikam, Inc.\",TRUE,\n" + "," + kB + ",,,other.example\n",
      DesiredFormat::Csv);
  REQUIRE(read.bad.empty());
  REQUIRE(read.items.size() == 2);
  CHECK(read.items[0].line == 2);
  CHECK(read.items[0].policy->toJson() ==
        R"({"displayName":"Fabrikam, Inc.","userSyncInbound":{"isSyncAllowed":true}})");
  CHECK(read.items[0].partner.toJson() ==
        R"({"tenantId":")" + kA + R"(","automaticUserConsentSettings":{"inboundAllowed":true}})");
  CHECK(read.items[1].line == 3);
  CHECK_FALSE(read.items[1].policy);  // neither policy cell: only the partner is desired
  CHECK(read.items[1].tenant == "other.example");
}

TEST_CASE("csv: bad records are reported with the line they start on", "[cli][csv]") {
  const Read read = readAll(
      "partnerTenantId,displayName,isSyncAllowed\n"  // 1
      "\"multi\nline\",x,true,extra\n"               // 2-3
      "p,x,maybe\n"                                  // 4
      ",x,true\n"                                    // 5
      "p,\"x\"y,true\n"                              // 6
          + kA + ",ok,false\n",                      // 7
      DesiredFormat::Csv);
  REQUIRE(read.items.size() == 1);
  CHECK(read.items[0].line == 7);
  CHECK(where(read.bad) ==
        std::vector<std::string>{"2 line", "4 isSyncAllowed", "5 partnerTenantId", "6 line"});
  REQUIRE(read.bad.size() == 4);
  CHECK(read.bad[0].reason == "has 4 fields, and the header has 3");
  CHECK(read.bad[1].reason == "must be true or false (or empty), not 'maybe'");
}

TEST_CASE("csv: a header without a required column, or with an unknown one, is refused",
          "[cli][csv]") {
  const auto header = [](const std::string& text) {
    std::istringstream in(text);
    try {
      DesiredStateReader reader(in, DesiredFormat::Csv);
    } catch (const BadLineError& error) {
      return error.field() + ": " + error.what();
    }
    return std::string("accepted");
  };
  CHECK(header("partnerTenantId,displayName\n") == "header: the column isSyncAllowed is missing");
  CHECK(
      header("partnerTenantId,displayName,isSyncAllowed,color\n").find("unknown column 'color'") !=
      std::string::npos);
  CHECK(header("partnerTenantId,displayName,isSyncAllowed,tenant,Tenant\n") ==
        "header: the column tenant is repeated");
  CHECK(header("") == "header: the file is empty");
  CHECK(header("partnerTenantId,displayName,isSyncAllowed\n") == "accepted");
}

TEST_CASE("desired state: a partner desired twice in one tenant is a bad line", "[cli]") {
  std::istringstream in(R"({"partnerTenantId":")" + kA + "\"}\n" + R"({"partnerTenantId":")" + kA +
                        R"(","tenant":"other.example"})" + "\n" +
                        R"({"partnerTenantId":"5F0E1D2C-3B4A-4958-8776-A5B4C3D2E1F0"})" + "\n" +
                        R"({"partnerTenantId":")" + kA + R"(","tenant":"OTHER.example"})" + "\n");
  DesiredStateReader reader(in, DesiredFormat::JsonLines);
  std::vector<BadLine> bad;
  const DesiredState state(reader, SignIn{"contoso.example", true},
                           [&](const BadLine& line) { bad.push_back(line); });
  CHECK(state.size() == 2);
  CHECK(state.tenants() == std::vector<std::string>{"", "other.example"});
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].line == 3);
  CHECK(bad[0].field == "partnerTenantId");
  CHECK(bad[0].reason.find("already desired by line 1") != std::string::npos);
  CHECK(bad[1].line == 4);
  CHECK(bad[1].reason.find("already desired by line 2") != std::string::npos);
  CHECK(state.find(0, "5F0E1D2C-3B4A-4958-8776-A5B4C3D2E1F0").value() == 0);
  CHECK(state.item(1).tenant == "other.example");
}

TEST_CASE(
    "desired state: the signed-in tenant named is the default one, other tenants need "
    "app credentials",
    "[cli]") {
  const std::string text = R"({"partnerTenantId":")" + kA + R"(","tenant":"Contoso.example"})" +
                           "\n" + R"({"partnerTenantId":")" + kB +
                           R"(","tenant":"other.example"})" + "\n";
  std::vector<BadLine> bad;
  const auto collect = [&](const BadLine& line) { bad.push_back(line); };
  {
    std::istringstream in(text);
    DesiredStateReader reader(in, DesiredFormat::JsonLines);
    const DesiredState app(reader, SignIn{"contoso.example", true}, collect);
    CHECK(app.tenants() == std::vector<std::string>{"", "other.example"});
    CHECK(bad.empty());
  }
  std::istringstream in(text);
  DesiredStateReader reader(in, DesiredFormat::JsonLines);
  const DesiredState token(reader, SignIn{"", false}, collect);
  CHECK(token.size() == 0);
  REQUIRE(bad.size() == 2);
  CHECK(bad[1].field == "tenant");
  CHECK(bad[1].reason.find("needs app credentials") != std::string::npos);
}
