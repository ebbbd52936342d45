/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _SYSFS_H_
#define _SYSFS_H_

#include <linux/types.h>
#include <linux/compiler.h>

struct kobject;

struct attribute {
	const char		*name;
	unsigned short		mode;
};

struct attribute_group {
	const char		*name;
	unsigned short		(*is_visible)(struct kobject *, struct attribute *, int);
	struct attribute	**attrs;
};

#define __ATTRIBUTE_GROUPS(_name)				\
static const struct attribute_group *_name##_groups[] = {	\
	&_name##_group,						\
	NULL,							\
}

#define ATTRIBUTE_GROUPS(_name)					\
static const struct attribute_group _name##_group = {		\
	.attrs = _name##_attrs,					\
};								\
__ATTRIBUTE_GROUPS(_name)

extern __printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
extern int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
extern void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);

#endif /* _SYSFS_H_ */
