//===- JsonWriter.cpp -----------------------------------------------------===//
#include "privacy/JsonWriter.h"

namespace privacy {

std::string jsonText(const nlohmann::json &Value, int Indent) {
  return Value.dump(Indent, ' ', /*ensure_ascii=*/false,
                    nlohmann::json::error_handler_t::replace);
}

} // namespace privacy
