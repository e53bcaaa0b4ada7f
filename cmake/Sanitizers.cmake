# AddressSanitizer + UndefinedBehaviorSanitizer for the whole build when GLASSBOX_SANITIZE is on.
if(GLASSBOX_SANITIZE)
    set(GLASSBOX_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    add_compile_options(${GLASSBOX_SANITIZER_FLAGS})
    add_link_options(${GLASSBOX_SANITIZER_FLAGS})
endif()
