// selftest-expect: pass
//> sleep-subject.c:12:2: warning: 'good_helper' may sleep but 'warn_caller' holds spinlock '&l' (taken at line 11) [-Wsleep-in-atomic]
//> sleep-subject.c:16:2: warning: 'msleep' may sleep but it runs in hard IRQ handler 'warn_handler' (registered at line 20 by request_irq) [-Wsleep-in-atomic]
void good_helper(void)
{
}

void warn_caller(void)
{
	/* the sleeping callee comes first in a sleep-in-atomic message */
	good_helper();
}

void warn_handler(void)
{
}
/*
 * check-name: sleep-in-atomic warnings are about the function after "may sleep but"
 *
 * check-output-start
sleep-subject.c:12:2: warning: 'good_helper' may sleep but 'warn_caller' holds spinlock '&l' (taken at line 11) [-Wsleep-in-atomic]
sleep-subject.c:16:2: warning: 'msleep' may sleep but it runs in hard IRQ handler 'warn_handler' (registered at line 20 by request_irq) [-Wsleep-in-atomic]
 * check-output-end
 */
