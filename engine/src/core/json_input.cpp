#include "chaingap/core/json_input.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <unordered_set>

#include "chaingap/core/encoding.hpp"
#include "chaingap/core/error.hpp"

namespace chaingap {
namespace {
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

struct CheckingHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, CheckingHandler> {
    struct Level {
        bool object;
        std::string last_key;
        std::unordered_set<std::string> keys;
    };
    const rapidjson::StringStream* stream = nullptr;
    JsonInput* out = nullptr;
    std::vector<Level> stack;
    std::string error;
    std::size_t error_offset = 0;

    std::size_t here() const { return stream->Tell(); }
    void element_starts(std::size_t offset) {
        if (stack.size() == 2 && stack[0].object && !stack[1].object)
            out->element_offsets[stack[0].last_key].push_back(offset);
    }
    bool open(bool object) {
        const std::size_t at = here() > 0 ? here() - 1 : 0;  // the bracket was just taken
        if (stack.size() >= kMaxJsonDepth) {
            error = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
            error_offset = at;
            return false;
        }
        element_starts(at);
        if (stack.size() == 1 && stack[0].object) out->element_offsets[stack[0].last_key];  // an array or object value
        stack.push_back(Level{object, {}, {}});
        return true;
    }
    bool Default() {  // every scalar value
        element_starts(here());
        return true;
    }
    bool StartObject() { return open(true); }
    bool StartArray() { return open(false); }
    bool EndObject(rapidjson::SizeType) {
        stack.pop_back();
        return true;
    }
    bool EndArray(rapidjson::SizeType) {
        stack.pop_back();
        return true;
    }
    bool Key(const char* s, rapidjson::SizeType length, bool) {
        Level& level = stack.back();
        level.last_key.assign(s, length);
        if (!level.keys.insert(level.last_key).second) {
            error = "duplicate key \"" + level.last_key + "\" in one object";
            error_offset = here() > 0 ? here() - 1 : 0;
            return false;
        }
        if (stack.size() == 1) out->key_offsets.emplace(level.last_key, here() > 0 ? here() - 1 : 0);
        return true;
    }
};
}  // namespace

std::size_t JsonInput::element_line(const std::string& key, std::size_t i) const {
    auto it = element_offsets.find(key);
    if (it == element_offsets.end() || i >= it->second.size()) return 0;
    return line_of_offset(text, it->second[i]);
}

std::size_t JsonInput::key_line(const std::string& key) const {
    auto it = key_offsets.find(key);
    return it == key_offsets.end() ? 0 : line_of_offset(text, it->second);
}

void parse_json_input(std::string text, const std::string& file, JsonInput& out) {
    check_utf8_text(text, file);  // also guarantees no NUL byte, so c_str() is the whole text
    out.file = file;
    out.text = std::move(text);
    out.element_offsets.clear();
    out.key_offsets.clear();
    const std::string& t = out.text;

    CheckingHandler handler;
    rapidjson::StringStream stream(t.c_str());
    handler.stream = &stream;
    handler.out = &out;
    rapidjson::Reader reader;
    const rapidjson::ParseResult result = reader.Parse<kParseFlags>(stream, handler);
    if (!handler.error.empty()) throw InputError(file, line_of_offset(t, handler.error_offset), "", handler.error);
    if (result.IsError())
        throw InputError(file, line_of_offset(t, result.Offset()), "",
                         std::string("malformed JSON: ") + rapidjson::GetParseError_En(result.Code()));

    out.doc.Parse<kParseFlags>(t.c_str(), t.size());
    if (out.doc.HasParseError())  // cannot happen after the pass above; kept as a guard
        throw InputError(file, line_of_offset(t, out.doc.GetErrorOffset()), "",
                         std::string("malformed JSON: ") + rapidjson::GetParseError_En(out.doc.GetParseError()));
}

}  // namespace chaingap
