# Debian's libqscintilla2-qt6-dev ships neither a CMake config nor a pkg-config
# file, so locate it once here and expose one imported target.
get_target_property(_qt_core_location Qt6::Core LOCATION)
get_filename_component(_qt_lib_dir "${_qt_core_location}" DIRECTORY)
find_path(QSCINTILLA_INCLUDE_DIR
    NAMES Qsci/qsciscintilla.h
    HINTS ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_HEADERS} /usr/include/x86_64-linux-gnu/qt6 /usr/include/qt6)
find_library(QSCINTILLA_LIBRARY
    NAMES qscintilla2_qt6
    HINTS ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_LIBS} ${_qt_lib_dir})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(QScintilla REQUIRED_VARS QSCINTILLA_LIBRARY QSCINTILLA_INCLUDE_DIR)
if(NOT TARGET QScintilla::QScintilla)
    add_library(QScintilla::QScintilla SHARED IMPORTED)
    set_target_properties(QScintilla::QScintilla PROPERTIES
        IMPORTED_LOCATION "${QSCINTILLA_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${QSCINTILLA_INCLUDE_DIR}"
        INTERFACE_COMPILE_DEFINITIONS QSCINTILLA_DLL
        INTERFACE_LINK_LIBRARIES "Qt6::Widgets;Qt6::PrintSupport")
endif()
