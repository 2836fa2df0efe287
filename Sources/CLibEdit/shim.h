#ifndef MLW_CLIBEDIT_SHIM_H
#define MLW_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <signal.h>
#include <string.h>
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
 * Ctrl-C while libedit waits for a key: the handler only records the signal.
 * It is installed without SA_RESTART, so libedit's read() fails with EINTR
 * and readline() returns NULL; the caller then asks mlw_take_interrupt().
 */
static inline volatile sig_atomic_t *mlw_interrupt_flag_(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}
static inline struct sigaction *mlw_saved_sigint_(void) {
    static struct sigaction saved;
    return &saved;
}
static inline void mlw_sigint_handler_(int signo) {
    (void)signo;
    *mlw_interrupt_flag_() = 1;
}
/* Installs the recording handler, remembering the previous disposition. */
static inline int mlw_install_sigint_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = mlw_sigint_handler_;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    *mlw_interrupt_flag_() = 0;
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
#endif
