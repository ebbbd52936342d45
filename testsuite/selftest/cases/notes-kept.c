// selftest-expect: fail
//> notes-kept.c:6:2: warning: 'warn_leak' returns an error [-Wrpm-leak]
//> notes-kept.c:5:2: note: the count is raised here
struct device;
int warn_leak(struct device *dev)
{
	return -5;
}
/*
 * check-name: notes are compared without check-output-ignore-notes
 *
 * check-output-start
notes-kept.c:6:2: warning: 'warn_leak' returns an error [-Wrpm-leak]
 * check-output-end
 */
