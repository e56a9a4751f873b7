// JSON numbers that are not finite become null: RapidJSON writes nothing for NaN or infinity, which
// left an opportunities document with `"revenue": ` for firms without a revenue.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <limits>

#include "chaingap/core/json_writer.hpp"

using namespace chaingap;

TEST_CASE("non-finite numbers are written as null, finite ones as numbers", "[report]") {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    w.StartObject();
    json_kv(w, "nan", std::numeric_limits<double>::quiet_NaN());
    json_kv(w, "inf", std::numeric_limits<double>::infinity());
    json_kv(w, "x", 1.5);
    w.Key("list");
    w.StartArray();
    json_double(w, -std::numeric_limits<double>::infinity());
    json_double(w, 2.0);
    w.EndArray();
    w.EndObject();
    REQUIRE(w.IsComplete());
    rapidjson::Document d;
    d.Parse(buf.GetString());
    REQUIRE_FALSE(d.HasParseError());
    CHECK(d["nan"].IsNull());
    CHECK(d["inf"].IsNull());
    CHECK(d["x"].GetDouble() == 1.5);
    CHECK(d["list"][0].IsNull());
    CHECK(d["list"][1].GetDouble() == 2.0);
}
