# cmake -DFILE=<Grammar>{Lexer,Parser}.cpp -DCLASS=<Grammar>{Lexer,Parser} -P LazyAtn.cmake
#
# ANTLR's C++ target deserialises each recogniser's ATN in a static
# initialiser (`X::Initializer X::_init;`), at the start of every run of the
# tool, whether it parses anything or not: 5.3 M instructions for SqlExpr
# and 3.0 M for Cql, of about 29 M for `--version`. This rewrites the
# generated file so that the first constructor does it instead (a
# function-local static: once, thread-safe). It fails the build when the
# generated code does not have the shape it expects.
file(READ "${FILE}" text)
set(static_init "${CLASS}::Initializer ${CLASS}::_init;")
string(FIND "${text}" "${static_init}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "LazyAtn.cmake: no `${static_init}` in ${FILE}")
endif()
string(REPLACE "${static_init}" "// ${CLASS}::_init: made lazy by grammar/LazyAtn.cmake" text "${text}")
string(REGEX MATCH "${CLASS}::${CLASS}\\([A-Za-z]+ \\*input\\) : [A-Za-z]+\\(input\\) {\n" ctor "${text}")
if(ctor STREQUAL "")
  message(FATAL_ERROR "LazyAtn.cmake: no constructor of ${CLASS} in ${FILE}")
endif()
string(REPLACE "${ctor}" "${ctor}  static Initializer lazyInit;\n  (void)lazyInit;\n" text "${text}")
file(WRITE "${FILE}" "${text}")
