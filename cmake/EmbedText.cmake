# Turns INPUT into a C++ raw string literal in OUTPUT (cmake -P script).
file(READ "${INPUT}" CONTENT)
file(WRITE "${OUTPUT}.tmp" "R\"privacy_embed(${CONTENT})privacy_embed\"\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
