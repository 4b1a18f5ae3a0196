add_library(retell_warnings INTERFACE)
target_compile_options(retell_warnings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wno-missing-field-initializers>)
target_compile_definitions(retell_warnings INTERFACE
    QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH QT_NO_CAST_FROM_BYTEARRAY)
