/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rpmcheck test headers: module boilerplate (built-in flavour).
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/mod_devicetable.h>

struct module;

extern struct module __this_module;
#define THIS_MODULE (&__this_module)

#define module_init(x)	__initcall(x);
#define module_exit(x)	__exitcall(x);

#define __MODULE_INFO(tag, name, info)					\
	static const char __UNIQUE_ID(name)[] __used			\
		__section(".modinfo") __aligned(1) = #tag "=" info

#define MODULE_INFO(tag, info)		__MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license)	MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_ALIAS(_alias)		MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep)	MODULE_INFO(softdep, _softdep)
#define MODULE_FIRMWARE(_firmware)	MODULE_INFO(firmware, _firmware)
#define MODULE_IMPORT_NS(ns)		MODULE_INFO(import_ns, #ns)

#define MODULE_DEVICE_TABLE(type, name)					\
	extern typeof(name) __mod_device_table__##type##__##name	\
		__attribute__((__unused__))

#define module_param(name, type, perm)					\
	static const char __UNIQUE_ID(param)[] __used			\
		__section(".modinfo") = "parm=" #name ":" #type
#define MODULE_PARM_DESC(_parm, desc)	MODULE_INFO(parm, #_parm ":" desc)

#endif /* _LINUX_MODULE_H */
