// A DTO macro in the style of REST frameworks (oatpp's DTO_FIELD): each
// field comes with a generated static helper, declared first. The user
// writes neither the helper nor, in the framework's own sense, the field:
// such declarations are annotated in an annotations file
// (docs/annotations.md).
#pragma once
#include <string>

namespace oatpp_like {
using String = std::string;
using Int32 = int;
} // namespace oatpp_like

#define DTO_FIELD(TYPE, NAME, QUALIFIER)                                       \
  static const char *Z__PROPERTY_NAME_##NAME() { return QUALIFIER; }           \
  oatpp_like::TYPE NAME
