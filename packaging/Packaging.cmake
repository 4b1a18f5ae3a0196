# Desktop integration and a Debian package (cpack -G DEB in the build dir).
set(RETELL_APP_ID "com.retelladmin.RetellAgentAdmin")
install(FILES ${CMAKE_CURRENT_LIST_DIR}/${RETELL_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/${RETELL_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${RETELL_APP_ID}.svg)

set(CPACK_PACKAGE_NAME "retell-agent-admin")
set(CPACK_PACKAGE_VENDOR "Retell Agent Admin developers")
set(CPACK_PACKAGE_CONTACT "Retell Agent Admin developers <admin-tools@example.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# SQL drivers are plugins loaded at run time: shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-mysql")
include(CPack)
