#ifndef MLW_CLIBEDIT_SHIM_H
#define MLW_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#include <histedit.h>
#include <editline/readline.h>

/*
 * Swift 6 rejects reading or assigning libedit's mutable C globals, so the
 * LineEditing target goes through these one-line accessors instead.
 */

static inline void mlw_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void mlw_set_catch_signals(int on) { rl_catch_signals = on; }
static inline void mlw_set_attempted_completion_function(rl_completion_func_t *f) {
    rl_attempted_completion_function = f;
}
static inline void mlw_set_attempted_completion_over(int over) { rl_attempted_completion_over = over; }
static inline void mlw_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline void mlw_set_completion_query_items(int n) { rl_completion_query_items = n; }
/*
 * libedit prints the prompt before it puts the terminal in raw mode, so keys
 * typed right after the prompt appears were echoed (and line-edited) by the
 * terminal itself. This rl_pre_input_hook enters raw mode first.
 */
static inline int mlw_raw_mode_before_prompt_(void) {
    rl_prep_terminal(1);
    return 0;
}
static inline void mlw_enter_raw_mode_before_prompt(void) { rl_pre_input_hook = mlw_raw_mode_before_prompt_; }
/* `chars` must stay valid for the life of the process. */
static inline void mlw_set_word_break_characters(const char *chars) { rl_basic_word_break_characters = chars; }
static inline const char *mlw_line_buffer(void) { return rl_line_buffer; }
static inline int mlw_point(void) { return rl_point; }
/* Writes to (and flushes) the stdout FILE that libedit draws on. */
static inline void mlw_write_output(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

/*
 * Ctrl-C while libedit edits a line. The SIGINT handler records the signal
 * and writes a byte to a pipe; mlw_getc, libedit's key reader, polls the
 * terminal and that pipe together, so a Ctrl-C that lands anywhere (not only
 * inside a blocking read) ends readline() with NULL at once. The caller then
 * asks mlw_take_interrupt(). libedit's own SIGINT handler (rl_catch_signals)
 * restores the terminal first, then passes the signal on to ours.
 */
static inline volatile sig_atomic_t *mlw_interrupt_flag_(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
static inline int *mlw_interrupt_pipe_(void) {
    static int fds[2] = {-1, -1};
    return fds;
}
static inline struct sigaction *mlw_saved_sigint_(void) {
    static struct sigaction saved;
    return &saved;
}
static inline void mlw_sigint_handler_(int signo) {
    int saved_errno = errno;
    (void)signo;
    *mlw_interrupt_flag_() = 1;
    if (mlw_interrupt_pipe_()[1] >= 0) {
        ssize_t ignored = write(mlw_interrupt_pipe_()[1], "", 1);
        (void)ignored;
    }
    errno = saved_errno;
}

/* Creates the wake-up pipe (once) and makes libedit read keys with mlw_getc.
   Call before rl_initialize(). Returns 0, or -1 if the pipe cannot be made. */
static inline int mlw_use_interruptible_getc(int (*getc_function)(FILE *)) {
    int *fds = mlw_interrupt_pipe_();
    if (fds[0] < 0) {
        if (pipe(fds) != 0) return -1;
        for (int i = 0; i < 2; i++) {
            fcntl(fds[i], F_SETFD, FD_CLOEXEC);
            fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        }
    }
    rl_getc_function = getc_function;
    return 0;
}

/* Installs the recording handler (remembering the previous disposition)
   and forgets any earlier Ctrl-C. */
static inline int mlw_install_sigint_handler(void) {
    char drain[64];
    while (mlw_interrupt_pipe_()[0] >= 0 && read(mlw_interrupt_pipe_()[0], drain, sizeof drain) > 0) {}
    *mlw_interrupt_flag_() = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = mlw_sigint_handler_;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, mlw_saved_sigint_());
}
/* Puts back the disposition saved by mlw_install_sigint_handler(). */
static inline void mlw_restore_sigint_handler(void) { sigaction(SIGINT, mlw_saved_sigint_(), NULL); }
/* 1 if SIGINT arrived since the handler was installed or last asked; clears it. */
static inline int mlw_take_interrupt(void) {
    int was = *mlw_interrupt_flag_() != 0;
    *mlw_interrupt_flag_() = 0;
    return was;
}

/* One byte from fd, waiting on the wake-up pipe too: 0, or -1 at end of
   input, on error, or once SIGINT was recorded. */
static inline int mlw_read_byte_(int fd, unsigned char *byte) {
    for (;;) {
        if (*mlw_interrupt_flag_()) return -1;
        struct pollfd fds[2];
        fds[0].fd = fd;
        fds[0].events = POLLIN;
        fds[0].revents = 0;
        fds[1].fd = mlw_interrupt_pipe_()[0];
        fds[1].events = POLLIN;
        fds[1].revents = 0;
        int ready = poll(fds, fds[1].fd >= 0 ? 2 : 1, -1);
        if (ready < 0 && errno != EINTR) return -1;
        if (ready <= 0 || fds[0].revents == 0) continue;  /* interrupted: the flag decides */
        ssize_t count = read(fd, byte, 1);
        if (count == 1) return 0;
        if (count < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        return -1;
    }
}

/* libedit's rl_getc_function: the next key as a Unicode code point (input
   is UTF-8; libedit takes the int as one wide character), or -1. */
static inline int mlw_getc(FILE *stream) {
    int fd = fileno(stream);
    unsigned char byte;
    for (;;) {
        if (mlw_read_byte_(fd, &byte) != 0) return -1;
        if (byte < 0x80) return byte;
        if (byte < 0xC0 || byte >= 0xF8) continue; /* a stray continuation or invalid byte */
        int more = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1;
        int code = byte & (0x3F >> more);
        int valid = 1;
        for (int i = 0; i < more; i++) {
            if (mlw_read_byte_(fd, &byte) != 0) return -1;
            if ((byte & 0xC0) != 0x80) { valid = 0; break; }
            code = (code << 6) | (byte & 0x3F);
        }
        return valid ? code : 0xFFFD;
    }
}
#endif
