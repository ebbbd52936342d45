// selftest-expect: fail
//> sleep-subject-good.c:7:2: warning: 'msleep' may sleep but it runs in timer callback 'good_timer' (registered at line 9 by timer_setup) [-Wsleep-in-atomic]
struct timer_list;

void good_timer(struct timer_list *t)
{
	/* expected, but about a good_ function all the same */
}
/*
 * check-name: a sleep-in-atomic warning about a good_ handler fails
 *
 * check-output-start
sleep-subject-good.c:7:2: warning: 'msleep' may sleep but it runs in timer callback 'good_timer' (registered at line 9 by timer_setup) [-Wsleep-in-atomic]
 * check-output-end
 */
