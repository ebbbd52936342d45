// selftest-expect: pass
//> notes-ignored.c:6:2: warning: 'warn_leak' returns an error [-Wrpm-leak]
//> notes-ignored.c:5:2: note: the count is raised here
struct device;
int warn_leak(struct device *dev)
{
	return -5;
}
/*
 * check-name: notes are dropped with check-output-ignore-notes
 * check-output-ignore-notes
 *
 * check-output-start
notes-ignored.c:6:2: warning: 'warn_leak' returns an error [-Wrpm-leak]
 * check-output-end
 */
