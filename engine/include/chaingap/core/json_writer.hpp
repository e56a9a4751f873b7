// The JSON writer used by every output (RapidJSON PrettyWriter) and key/value helpers for it.
#pragma once
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace chaingap {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

inline void json_kv(JsonWriter& w, const char* key, std::string_view value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
inline void json_kv(JsonWriter& w, const char* key, const std::string& value) { json_kv(w, key, std::string_view(value)); }
inline void json_kv(JsonWriter& w, const char* key, const char* value) { json_kv(w, key, std::string_view(value)); }
// A number, or null when it is not finite (a value that is not given, e.g. a firm's revenue):
// RapidJSON writes nothing for NaN or infinity, which would leave the document invalid.
inline void json_double(JsonWriter& w, double value) {
    if (std::isfinite(value)) w.Double(value);
    else w.Null();
}
inline void json_kv(JsonWriter& w, const char* key, double value) {
    w.Key(key);
    json_double(w, value);
}
inline void json_kv(JsonWriter& w, const char* key, std::int64_t value) {
    w.Key(key);
    w.Int64(value);
}
inline void json_kv(JsonWriter& w, const char* key, bool value) {
    w.Key(key);
    w.Bool(value);
}

}  // namespace chaingap
