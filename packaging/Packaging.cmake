# Desktop integration and the Debian package (scripts/dev.sh package runs
# cpack -G DEB in the build dir). The application id is RETELL_APP_ID
# (top-level CMakeLists.txt): the desktop entry, the metainfo and the icons
# are named from it here, and the GUI tells it to the desktop at run time.
set(RETELL_PACKAGE_NAME "retell-admin")
set(RETELL_PACKAGING_OUT ${CMAKE_CURRENT_BINARY_DIR}/out)

configure_file(${CMAKE_CURRENT_LIST_DIR}/app.desktop.in
               ${RETELL_PACKAGING_OUT}/${RETELL_APP_ID}.desktop @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/app.metainfo.xml.in
               ${RETELL_PACKAGING_OUT}/${RETELL_APP_ID}.metainfo.xml @ONLY)
install(FILES ${RETELL_PACKAGING_OUT}/${RETELL_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${RETELL_PACKAGING_OUT}/${RETELL_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Icons: the SVG as the scalable one, and PNGs in the usual hicolor sizes
# rendered from it when rsvg-convert (librsvg2-bin) is there.
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${RETELL_APP_ID}.svg)
find_program(RETELL_RSVG_CONVERT rsvg-convert)
set(RETELL_PACKAGING_FILES)
if(RETELL_RSVG_CONVERT)
    foreach(size 16 22 24 32 48 64 128 256)
        set(png ${RETELL_PACKAGING_OUT}/icons/${size}/${RETELL_APP_ID}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${RETELL_PACKAGING_OUT}/icons/${size}
            COMMAND ${RETELL_RSVG_CONVERT} -w ${size} -h ${size}
                    ${PROJECT_SOURCE_DIR}/resources/icons/app.svg -o ${png}
            DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/app.svg VERBATIM)
        list(APPEND RETELL_PACKAGING_FILES ${png})
        install(FILES ${png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
    endforeach()
else()
    message(STATUS "rsvg-convert not found: the package gets the scalable icon only")
endif()

# Man pages and the Debian documentation files, compressed as policy says
# (gzip -9n: no name or time stamp, so the package is reproducible).
set(RETELL_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/${RETELL_PACKAGE_NAME})
foreach(page retell-admin.1 retell-admin-cli.1)
    set(gz ${RETELL_PACKAGING_OUT}/man/${page}.gz)
    add_custom_command(OUTPUT ${gz}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${RETELL_PACKAGING_OUT}/man
        COMMAND gzip -9n -c ${CMAKE_CURRENT_LIST_DIR}/man/${page} > ${gz}
        DEPENDS ${CMAKE_CURRENT_LIST_DIR}/man/${page})
    list(APPEND RETELL_PACKAGING_FILES ${gz})
    install(FILES ${gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
set(changelog_gz ${RETELL_PACKAGING_OUT}/changelog.gz)
add_custom_command(OUTPUT ${changelog_gz}
    COMMAND gzip -9n -c ${CMAKE_CURRENT_LIST_DIR}/debian/changelog > ${changelog_gz}
    DEPENDS ${CMAKE_CURRENT_LIST_DIR}/debian/changelog)
list(APPEND RETELL_PACKAGING_FILES ${changelog_gz})
install(FILES ${changelog_gz} DESTINATION ${RETELL_DOC_DIR})
install(FILES ${CMAKE_CURRENT_LIST_DIR}/debian/copyright DESTINATION ${RETELL_DOC_DIR})
add_custom_target(retell_packaging_files ALL DEPENDS ${RETELL_PACKAGING_FILES})

set(CPACK_PACKAGE_NAME ${RETELL_PACKAGE_NAME})
set(CPACK_PACKAGE_VENDOR "Retell Agent Admin developers")
set(CPACK_PACKAGE_CONTACT "Retell Agent Admin developers <admin-tools@retelladmin.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop admin for Retell AI voice agents, branch by branch")
# CPack puts the summary first (the synopsis); this is the extended text.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Administrators of multi-branch businesses pick a template, edit the prompt
and tools of each branch's Retell AI voice agent in a code editor with live
validation, deploy immutable versions, compare and merge versions and roll
back in one click, on the web application's MariaDB/MySQL or PostgreSQL
database, offline on a local replica, or on an embedded SQLite database.
.
This package contains the desktop application retell-admin and the
command-line interface retell-admin-cli.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://retelladmin.com/")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time as plugins, so shlibdeps cannot see them: SVG icons
# and the SQLite driver (the embedded database) are needed (the X11
# platform plugin comes with libqt6gui6); the server drivers, Wayland and
# Qt's own translations are recommended.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "libqt6sql6-mysql, libqt6sql6-psql, qt6-wayland, qt6-translations-l10n")
include(CPack)
